import {
  body,
  enumModel,
  objectModel,
  paginationHeaders,
  path,
  property,
  query,
  type SectionDef,
} from './define';

const policyId = path('policyId', 'Unique identifier of the policy', 'uuid');
const resourceURN = path('resourceURN', 'Unique resource name used in policies');

/** What a caller writes in a policy: the same for a creation and an update. */
const writablePolicy = {
  name: property('string', 'Name of the policy', { readOnly: false, required: true }),
  description: property('string', 'Description of the policy', { readOnly: false }),
  identities: property('string[]', 'Recipients of the delegated resources', {
    readOnly: false,
    required: true,
  }),
  resources: property('iam.policy.Resource[]', 'Resources to delegate', { readOnly: false, required: true }),
  permissions: property(
    'iam.policy.Permissions',
    'Permissions accorded to the recipients on the given resources',
    {
      readOnly: false,
      required: true,
    },
  ),
  permissionsGroups: property(
    'iam.policy.PermissionsGroup[]',
    'Permissions groups accorded to the recipients',
    {
      canBeNull: true,
      readOnly: false,
    },
  ),
  conditions: property(
    'iam.policy.Condition',
    "Conditions restrict permissions following resources, date or customer's information",
    {
      canBeNull: true,
      readOnly: false,
    },
  ),
  expiredAt: property(
    'datetime',
    'Expiration date of the policy, after this date it will no longer be applied',
    {
      canBeNull: true,
      readOnly: false,
    },
  ),
};

/** IAM v2 (OVH.md, "Endpoints under {base}/v2/iam"). */
export const iamSection: SectionDef = {
  branch: 'v2',
  path: '/iam',
  description: 'Identity and Access Management: policies, resources, reference',
  operations: [
    {
      method: 'GET',
      path: '/iam/policy',
      description: 'Retrieve all policies',
      params: [
        ...paginationHeaders,
        query('action', 'string[]', 'Filter on policies embedding the given IAM action'),
        query('details', 'boolean', 'Add extra information about resources in output'),
        query('identity', 'string[]', 'Filter on policies embedding the given identity'),
        query('readOnly', 'boolean', 'Filter on the readOnly attribute'),
        query('resourceURN', 'string[]', 'Filter on policies embedding the given resource URN'),
      ],
      response: 'iam.policy.Response[]',
      iam: ['account:apiovh:iam/policy/get'],
    },
    {
      method: 'POST',
      path: '/iam/policy',
      description: 'Create a new policy',
      params: [body('iam.policy.Creation')],
      response: 'iam.policy.Response',
      iam: ['account:apiovh:iam/policy/create'],
    },
    {
      method: 'GET',
      path: '/iam/policy/{policyId}',
      description: 'Retrieve the given policy',
      params: [policyId, query('details', 'boolean', 'Add extra information about resources in output')],
      response: 'iam.policy.Response',
      iam: ['account:apiovh:iam/policy/get'],
    },
    {
      method: 'PUT',
      path: '/iam/policy/{policyId}',
      description: 'Update an existing policy',
      params: [policyId, body('iam.policy.Update')],
      response: 'iam.policy.Response',
      iam: ['account:apiovh:iam/policy/edit'],
    },
    {
      method: 'DELETE',
      path: '/iam/policy/{policyId}',
      description: 'Delete the given policy',
      params: [policyId],
      response: 'void',
      iam: ['account:apiovh:iam/policy/delete'],
    },
    {
      method: 'GET',
      path: '/iam/resource',
      description: 'List all resources',
      params: [
        ...paginationHeaders,
        query('resourceName', 'string[]', 'Filter resources on name'),
        query('resourceType', 'string[]', 'Filter resources on type'),
        query('resourceURN', 'string[]', 'Filter resources on URN'),
      ],
      response: 'iam.ResourceMetadata[]',
    },
    {
      method: 'GET',
      path: '/iam/resource/{resourceURN}',
      description: 'Retrieve a resource',
      params: [resourceURN],
      response: 'iam.ResourceMetadata',
    },
    {
      method: 'POST',
      path: '/iam/resource/{resourceURN}/tag',
      description: 'Add a tag to a resource',
      params: [resourceURN, body('iam.resource.TagCreation')],
      response: 'void',
      iam: ['account:apiovh:iam/resource/tag/add'],
    },
    {
      method: 'DELETE',
      path: '/iam/resource/{resourceURN}/tag/{key}',
      description: 'Delete a tag from a resource',
      params: [resourceURN, path('key', 'Tag key')],
      response: 'void',
      iam: ['account:apiovh:iam/resource/tag/remove'],
    },
    {
      method: 'POST',
      path: '/iam/resource/{resourceURN}/authorization/check',
      description: 'Check if the caller is authorized to perform the given actions on the resource',
      longDescription: 'Needs no IAM action: the caller checks its own authorizations.',
      params: [resourceURN, body('iam.resource.AuthorizationCheck')],
      response: 'iam.resource.AuthorizationCheckResponse',
    },
    {
      method: 'GET',
      path: '/iam/reference/action',
      description: 'Retrieve all IAM actions of a resource type',
      params: [...paginationHeaders, query('resourceType', 'string[]', 'Filter actions on resource type')],
      response: 'iam.reference.Action[]',
    },
    {
      method: 'GET',
      path: '/iam/reference/resource/type',
      description: 'List all resource types',
      params: paginationHeaders,
      response: 'string[]',
    },
  ],
  models: {
    'iam.policy.Action': objectModel(
      'iam.policy.Action',
      'Action that can be allowed or denied on a resource',
      {
        action: property('string', 'Name of the action', { readOnly: false, required: true }),
      },
    ),
    'iam.policy.Permissions': objectModel('iam.policy.Permissions', 'Permissions included in a policy', {
      allow: property('iam.policy.Action[]', 'List of allowed actions', { canBeNull: true, readOnly: false }),
      except: property('iam.policy.Action[]', 'Actions to filter from the allowed list', {
        canBeNull: true,
        readOnly: false,
      }),
      deny: property('iam.policy.Action[]', 'Actions to deny the access to', {
        canBeNull: true,
        readOnly: false,
      }),
    }),
    'iam.policy.Resource': objectModel('iam.policy.Resource', 'Resource in a policy', {
      urn: property('string', 'URN of the resource', { readOnly: false, required: true }),
    }),
    'iam.policy.PermissionsGroup': objectModel(
      'iam.policy.PermissionsGroup',
      'Permissions group linked to a policy',
      {
        urn: property('string', 'URN of the permissions group', { readOnly: false, required: true }),
      },
    ),
    'iam.policy.Condition': objectModel('iam.policy.Condition', 'Condition included in a policy', {
      operator: property('iam.policy.Condition.OperatorEnum', 'Operator used with conditions', {
        readOnly: false,
        required: true,
      }),
      conditions: property('iam.policy.Condition[]', 'conditions', { canBeNull: true, readOnly: false }),
      values: property('map[string]string', 'Conditions to apply', { canBeNull: true, readOnly: false }),
    }),
    'iam.policy.Condition.OperatorEnum': enumModel(
      'iam.policy.Condition.OperatorEnum',
      'Operator that can be used in order to restrict policy',
      ['AND', 'MATCH', 'NOT', 'OR'],
    ),
    'iam.policy.Creation': objectModel('iam.policy.Creation', 'Policy definition', writablePolicy),
    'iam.policy.Update': objectModel(
      'iam.policy.Update',
      'Properties needed to update a policy',
      writablePolicy,
    ),
    'iam.policy.Response': objectModel('iam.policy.Response', 'Policy definition', {
      id: property('uuid', 'Unique identifier of the policy'),
      name: property('string', 'Name of the policy'),
      description: property('string', 'Description of the policy', { canBeNull: true }),
      identities: property('string[]', 'Recipients of the delegated resources'),
      resources: property('iam.policy.Resource[]', 'Resources to delegate'),
      permissions: property(
        'iam.policy.Permissions',
        'Permissions accorded to the recipients on the given resources',
      ),
      permissionsGroups: property('iam.policy.PermissionsGroup[]', 'Permissions groups', { canBeNull: true }),
      conditions: property('iam.policy.Condition', 'Conditions', { canBeNull: true }),
      expiredAt: property('datetime', 'Expiration date of the policy', { canBeNull: true }),
      owner: property('string', 'Owner of the policy'),
      readOnly: property('boolean', 'Indicates that the policy is a default one'),
      createdAt: property('datetime', 'Creation date of this policy'),
      updatedAt: property('datetime', 'Last update date of this policy', { canBeNull: true }),
    }),
    'iam.ResourceMetadata': objectModel('iam.ResourceMetadata', 'IAM resource metadata', {
      id: property('uuid', 'Unique identifier of the resource'),
      urn: property('string', 'Unique resource name used in policies'),
      name: property('string', 'Resource name'),
      displayName: property('string', 'Resource display name'),
      type: property('string', 'Resource type'),
      owner: property('string', 'Resource owner'),
      tags: property('map[string]string', 'Resource tags', { canBeNull: true }),
    }),
    'iam.resource.TagCreation': objectModel('iam.resource.TagCreation', 'Tag to add to a resource', {
      key: property('string', 'Tag key', { readOnly: false, required: true }),
      value: property('string', 'Tag value', { readOnly: false, required: true }),
    }),
    'iam.resource.AuthorizationCheck': objectModel('iam.resource.AuthorizationCheck', 'Actions to check', {
      actions: property('string[]', 'List of actions to check', { readOnly: false, required: true }),
    }),
    'iam.resource.AuthorizationCheckResponse': objectModel(
      'iam.resource.AuthorizationCheckResponse',
      'Result of an authorization check',
      {
        authorizedActions: property('string[]', 'Actions the caller may perform'),
        unauthorizedActions: property('string[]', 'Actions the caller may not perform'),
      },
    ),
    'iam.reference.Action': objectModel('iam.reference.Action', 'An IAM action', {
      action: property('string', 'Name of the action'),
      categories: property('string[]', 'Categories of the action'),
      description: property('string', 'Description of the action'),
      resourceType: property('string', 'Resource type the action applies to'),
    }),
  },
};
