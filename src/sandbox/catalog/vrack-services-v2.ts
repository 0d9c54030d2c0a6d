import { iamTagsQuery } from './common';
import { enumModel, objectModel, paginationHeaders, path, property, type SectionDef } from './define';

/** A v2 section with cursor pagination (OVH.md: X-Pagination-Cursor, X-Pagination-Size, X-Pagination-Cursor-Next). */
export const vrackServicesSection: SectionDef = {
  branch: 'v2',
  path: '/vrackServices',
  description: 'vRack Services: managed services reachable from your vRack',
  operations: [
    {
      method: 'GET',
      path: '/vrackServices/resource',
      description: 'List vRack Services',
      params: [...paginationHeaders, iamTagsQuery],
      response: 'vrackServices.VrackServicesWithIAM[]',
      iam: ['vrackServices:apiovh:resource/get'],
    },
    {
      method: 'GET',
      path: '/vrackServices/resource/{vrackServicesId}',
      description: 'Get the vRack Services',
      params: [path('vrackServicesId', 'vRack Services ID')],
      response: 'vrackServices.VrackServicesWithIAM',
      iam: ['vrackServices:apiovh:resource/get'],
    },
    {
      method: 'GET',
      path: '/vrackServices/reference/region',
      description: 'List all vRack Services regions',
      params: paginationHeaders,
      response: 'string[]',
    },
  ],
  models: {
    'vrackServices.VrackServicesWithIAM': objectModel(
      'vrackServices.VrackServicesWithIAM',
      'vRack Services',
      {
        id: property('string', 'Unique identifier'),
        createdAt: property('datetime', 'Date of the vRack Services delivery'),
        currentState: property(
          'vrackServices.VrackServicesCurrentState',
          'Current configuration applied to the vRack Services',
        ),
        resourceStatus: property(
          'vrackServices.ResourceStatusEnum',
          'Reflects the readiness of the vRack Services',
        ),
        iam: property('iam.ResourceMetadata', 'IAM resource metadata', { canBeNull: true }),
      },
    ),
    'vrackServices.VrackServicesCurrentState': objectModel(
      'vrackServices.VrackServicesCurrentState',
      'Current configuration',
      {
        displayName: property('string', 'vRack Services display name', { canBeNull: true }),
        region: property('string', 'Region of the vRack Services'),
        vrackId: property('string', 'vRack associated to the vRack Services', { canBeNull: true }),
      },
    ),
    'vrackServices.ResourceStatusEnum': enumModel('vrackServices.ResourceStatusEnum', 'Resource statuses', [
      'CREATING',
      'DELETING',
      'ERROR',
      'READY',
      'SUSPENDED',
      'UPDATING',
    ]),
    'iam.ResourceMetadata': objectModel(
      'iam.ResourceMetadata',
      'IAM resource metadata embedded in services models',
      {
        displayName: property('string', 'Resource display name', { canBeNull: true }),
        id: property('uuid', 'Unique identifier of the resource'),
        tags: property('map[string]string', 'Resource tags', { canBeNull: true }),
        urn: property('string', 'Unique resource name used in policies'),
      },
    ),
  },
};
