import { enumModel, objectModel, property, type SectionDef } from './define';

/** /auth: who am I, server time. No operation here needs an IAM action (OVH.md). */
export const authSection: SectionDef = {
  branch: 'v1',
  path: '/auth',
  description: 'Authentication and credential details',
  operations: [
    {
      method: 'GET',
      path: '/auth/details',
      description: 'Details about the current authentication',
      response: 'auth.Details',
    },
    {
      method: 'GET',
      path: '/auth/time',
      description: 'Get the current time of the OVH servers, since UNIX epoch',
      response: 'long',
      noAuthentication: true,
    },
    {
      method: 'POST',
      path: '/auth/logout',
      description: 'Expire current credential',
      response: 'void',
    },
  ],
  models: {
    'auth.Details': objectModel('auth.Details', 'Details about the current authentication', {
      account: property('string', 'Account identifier'),
      allowedRoutes: property('auth.AccessRule[]', 'Allowed routes of the credential', { canBeNull: true }),
      description: property('string', 'Description of the credential', { canBeNull: true }),
      identities: property('string[]', 'Identity URNs that policies are matched against'),
      method: property('auth.MethodEnum', 'Authentication method'),
      roles: property('string[]', 'Roles of the user', { canBeNull: true }),
      user: property('string', 'User name, for a sub-user', { canBeNull: true }),
    }),
    'auth.MethodEnum': enumModel('auth.MethodEnum', 'Authentication method', [
      'account',
      'oauth2_client_credentials',
      'provider',
      'user',
    ]),
    'auth.AccessRule': objectModel('auth.AccessRule', 'Access rule', {
      method: property('http.MethodEnum', 'HTTP method'),
      path: property('string', 'Path, with * as wildcard'),
    }),
  },
};
