/**
 * JSON Schema of OVHcloud's policy shape (iam.policy.Creation), for editors: completion and underlining
 * while one types. validatePolicyInput stays the judge; this only helps writing.
 */
const action = {
  type: 'object',
  required: ['action'],
  properties: {
    action: {
      type: 'string',
      description: 'An action name or pattern: webHosting:apiovh:get, webHosting:*, *',
    },
  },
  additionalProperties: false,
};

const condition: Record<string, unknown> = {
  type: 'object',
  required: ['operator'],
  properties: {
    operator: { enum: ['AND', 'OR', 'NOT', 'MATCH'] },
    values: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'For MATCH: e.g. {"resource.Tag(environment)": "production"}',
    },
    conditions: { type: 'array', items: { $ref: '#/definitions/condition' } },
  },
};

export const POLICY_SCHEMA = {
  type: 'object',
  required: ['name', 'identities', 'resources', 'permissions'],
  properties: {
    id: { type: 'string' },
    owner: { type: 'string' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: ['string', 'null'] },
    identities: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^urn:v1:[a-z]+:identity:' },
    },
    resources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['urn'],
        properties: {
          urn: {
            type: 'string',
            description: 'urn:v1:<plate>:resource:<type>:<id>, or a pattern ending with *',
          },
        },
      },
    },
    permissions: {
      type: 'object',
      properties: {
        allow: { type: ['array', 'null'], items: action },
        except: { type: ['array', 'null'], items: action },
        deny: { type: ['array', 'null'], items: action },
      },
      additionalProperties: false,
    },
    permissionsGroups: {
      type: ['array', 'null'],
      items: { type: 'object', required: ['urn'], properties: { urn: { type: 'string' } } },
    },
    conditions: { oneOf: [{ type: 'null' }, { $ref: '#/definitions/condition' }] },
    expiredAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

/** A list of policies, or one: what the simulator's editor holds. */
export const POLICIES_SCHEMA = {
  definitions: { condition, policy: POLICY_SCHEMA },
  oneOf: [{ type: 'array', items: { $ref: '#/definitions/policy' } }, { $ref: '#/definitions/policy' }],
};
