import type { PolicyInput } from '../domain/iam/policy';

/**
 * The sandbox's IAM case table: one case per rule of OVH's evaluation (OVH.md "Policies"), each a real call
 * and the authorization check of the same actions on the same resources. The sandbox's own test runs them
 * over HTTP with real tokens; the simulator is checked against the same table.
 */

export type CaseIdentity =
  | 'guide'
  | 'admin'
  | 'empty'
  | 'ops'
  | 'contractor'
  | 'dns'
  | 'network'
  | 'partner'
  | 'owner'
  | 'ownerReadOnly';

export type IamCase = {
  name: string;
  as: CaseIdentity;
  call: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown };
  /** the actions and resources the call needs, as authorization/check is asked about them */
  targets: { action: string; resourceUrn: string }[];
  expected: 'allow' | 'deny';
  /** for a deny: the actions OVH names in unauthorizedActionsByIAM (all targets' actions by default) */
  refused?: string[];
  /** refused by the credential's own access rules rather than IAM: authorization/check allows, the call is refused */
  byAuthentication?: boolean;
  /** run against a sandbox whose clock says it is Sunday */
  weekend?: boolean;
};

/** Service accounts of the seed (sandbox-only secrets) and the owner's application credentials. */
export const CASE_CREDENTIALS: Record<
  Exclude<CaseIdentity, 'owner' | 'ownerReadOnly'>,
  { clientId: string; clientSecret: string }
> = {
  guide: { clientId: '0f0f0f0f0f0f0f0f', clientSecret: 'xxxxx' },
  admin: { clientId: 'a0a0a0a0a0a0a0a0', clientSecret: 'admin-demo-secret' },
  empty: { clientId: 'b0b0b0b0b0b0b0b0', clientSecret: 'empty-demo-secret' },
  ops: { clientId: 'c0c0c0c0c0c0c0c0', clientSecret: 'ops-demo-secret' },
  contractor: { clientId: 'd0d0d0d0d0d0d0d0', clientSecret: 'contractor-demo-secret' },
  dns: { clientId: 'e0e0e0e0e0e0e0e0', clientSecret: 'dns-demo-secret' },
  network: { clientId: '1a1a1a1a1a1a1a1a', clientSecret: 'network-demo-secret' },
  partner: { clientId: 'f0f0f0f0f0f0f0f0', clientSecret: 'partner-demo-secret' },
};

export const OWNER_APPLICATION = {
  applicationKey: 'sandboxOwnerAppKey',
  applicationSecret: 'owner-app-demo-secret',
  consumerKeys: { owner: 'owner-demo-consumer-key', ownerReadOnly: 'owner-readonly-consumer-key' },
};

const credential = (clientId: string, account = 'xx11111-ovh') =>
  `urn:v1:eu:identity:credential:${account}/oauth2-${clientId}`;
const urn = (type: string, id: string) => `urn:v1:eu:resource:${type}:${id}`;

const GUIDE_HOSTING = urn('webHosting', 'xxxxxxx.cluster001.hosting.ovh.net');
const SHOP_HOSTING = urn('webHosting', 'yyyyyyy.cluster002.hosting.ovh.net');
const STAGING_HOSTING = urn('webHosting', 'zzzzzzz.cluster003.hosting.ovh.net');
const ACCOUNT = urn('account', 'xx11111-ovh');
const PROD_VPS = urn('vps', 'vps-5b48d78b.vps.ovh.net');
const STAGING_VPS = urn('vps', 'vps-1a2b3c4d.vps.ovh.net');
const PARTNER_VPS = urn('vps', 'vps-99999999.vps.ovh.net');
const PRIMARY_SERVER = urn('dedicatedServer', 'ns3001234.ip-203-0-113.eu');
const REPLICA_SERVER = urn('dedicatedServer', 'ns3005678.ip-198-51-100.eu');
const BACKBONE = urn('vrack', 'pn-12345');
const LAB = urn('vrack', 'pn-67890');

/** Policies the table adds through the API first: wildcards at the start, and a deny aimed at the owner. */
export const CASE_POLICIES: PolicyInput[] = [
  {
    name: 'cases-leading-wildcards',
    description: 'Wildcards at the start of an action and of a URN',
    identities: [credential('b0b0b0b0b0b0b0b0')],
    resources: [{ urn: '*.cluster002.hosting.ovh.net' }],
    permissions: { allow: [{ action: '*:apiovh:get' }] },
  },
  {
    name: 'cases-deny-the-owner',
    description: 'A deny that names the account itself: the owner is never restricted',
    identities: ['urn:v1:eu:identity:account:xx11111-ovh'],
    resources: [{ urn: 'urn:v1:eu:resource:*' }],
    permissions: { deny: [{ action: '*' }] },
  },
];

export const IAM_CASES: IamCase[] = [
  // allow, with wildcards at the end of an action
  {
    name: "the guide's policy allows webHosting:* on its hosting",
    as: 'guide',
    call: { method: 'GET', path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: GUIDE_HOSTING }],
    expected: 'allow',
  },
  {
    name: 'webHosting:* covers edits too',
    as: 'guide',
    call: {
      method: 'PUT',
      path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net',
      body: { displayName: 'Guide' },
    },
    targets: [{ action: 'webHosting:apiovh:edit', resourceUrn: GUIDE_HOSTING }],
    expected: 'allow',
  },
  // default deny
  {
    name: 'no policy covers another hosting',
    as: 'guide',
    call: { method: 'GET', path: '/1.0/hosting/web/yyyyyyy.cluster002.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: SHOP_HOSTING }],
    expected: 'deny',
  },
  {
    name: "no policy grants the guide's account GET /me",
    as: 'guide',
    call: { method: 'GET', path: '/1.0/me' },
    targets: [{ action: 'account:apiovh:me/get', resourceUrn: ACCOUNT }],
    expected: 'deny',
  },
  {
    name: 'no policy covers another product',
    as: 'guide',
    call: { method: 'GET', path: '/1.0/vps/vps-1a2b3c4d.vps.ovh.net' },
    targets: [{ action: 'vps:apiovh:get', resourceUrn: STAGING_VPS }],
    expected: 'deny',
  },
  {
    name: 'a service account without policy gets nothing',
    as: 'empty',
    call: { method: 'GET', path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: GUIDE_HOSTING }],
    expected: 'deny',
  },
  // `*` and URN wildcards at the end
  {
    name: '* on urn:v1:eu:resource:* reaches every resource of the account',
    as: 'admin',
    call: { method: 'GET', path: '/1.0/vps/vps-5b48d78b.vps.ovh.net' },
    targets: [{ action: 'vps:apiovh:get', resourceUrn: PROD_VPS }],
    expected: 'allow',
  },
  {
    name: '* on urn:v1:eu:resource:* reaches the account itself',
    as: 'admin',
    call: { method: 'GET', path: '/1.0/me' },
    targets: [{ action: 'account:apiovh:me/get', resourceUrn: ACCOUNT }],
    expected: 'allow',
  },
  {
    name: "an account's policies never reach another account's resources",
    as: 'admin',
    call: { method: 'GET', path: '/1.0/vps/vps-99999999.vps.ovh.net' },
    targets: [{ action: 'vps:apiovh:get', resourceUrn: PARTNER_VPS }],
    expected: 'deny',
  },
  // wildcards at the start
  {
    name: 'an action wildcard at the start (*:apiovh:get) grants reads',
    as: 'empty',
    call: { method: 'GET', path: '/1.0/hosting/web/yyyyyyy.cluster002.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: SHOP_HOSTING }],
    expected: 'allow',
  },
  {
    name: '*:apiovh:get does not grant edits',
    as: 'empty',
    call: {
      method: 'PUT',
      path: '/1.0/hosting/web/yyyyyyy.cluster002.hosting.ovh.net',
      body: { displayName: 'Shop' },
    },
    targets: [{ action: 'webHosting:apiovh:edit', resourceUrn: SHOP_HOSTING }],
    expected: 'deny',
  },
  {
    name: 'a URN wildcard at the start (*.cluster002…) leaves other clusters out',
    as: 'empty',
    call: { method: 'GET', path: '/1.0/hosting/web/zzzzzzz.cluster003.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: STAGING_HOSTING }],
    expected: 'deny',
  },
  // except, and deny across policies
  {
    name: 'vps:apiovh:* allows reboots of the staging VPS',
    as: 'ops',
    call: { method: 'POST', path: '/1.0/vps/vps-1a2b3c4d.vps.ovh.net/reboot' },
    targets: [{ action: 'vps:apiovh:reboot', resourceUrn: STAGING_VPS }],
    expected: 'allow',
  },
  {
    name: 'a deny in another policy wins over the allow (reboot)',
    as: 'ops',
    call: { method: 'POST', path: '/1.0/vps/vps-5b48d78b.vps.ovh.net/reboot' },
    targets: [{ action: 'vps:apiovh:reboot', resourceUrn: PROD_VPS }],
    expected: 'deny',
  },
  {
    name: 'a deny in another policy wins over the allow (stop)',
    as: 'ops',
    call: { method: 'POST', path: '/1.0/vps/vps-5b48d78b.vps.ovh.net/stop' },
    targets: [{ action: 'vps:apiovh:stop', resourceUrn: PROD_VPS }],
    expected: 'deny',
  },
  {
    name: 'a deny covers only the actions it lists',
    as: 'ops',
    call: { method: 'POST', path: '/1.0/vps/vps-5b48d78b.vps.ovh.net/start' },
    targets: [{ action: 'vps:apiovh:start', resourceUrn: PROD_VPS }],
    expected: 'allow',
  },
  {
    name: 'except removes an action from its own allow',
    as: 'ops',
    call: { method: 'DELETE', path: '/1.0/vps/vps-1a2b3c4d.vps.ovh.net/ips/198.51.100.21' },
    targets: [{ action: 'vps:apiovh:ips/delete', resourceUrn: STAGING_VPS }],
    expected: 'deny',
  },
  {
    name: 'except leaves the neighbouring actions allowed',
    as: 'ops',
    call: { method: 'GET', path: '/1.0/vps/vps-1a2b3c4d.vps.ovh.net/ips' },
    targets: [{ action: 'vps:apiovh:ips/get', resourceUrn: STAGING_VPS }],
    expected: 'allow',
  },
  // expiry
  {
    name: 'an expired policy counts for nothing',
    as: 'contractor',
    call: { method: 'GET', path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: GUIDE_HOSTING }],
    expected: 'deny',
  },
  // conditions
  {
    name: 'a tag condition that holds',
    as: 'dns',
    call: { method: 'GET', path: '/1.0/domain/zone/example.net/record' },
    targets: [{ action: 'dnsZone:apiovh:record/get', resourceUrn: urn('dnsZone', 'example.net') }],
    expected: 'allow',
  },
  {
    name: 'a tag condition that does not hold',
    as: 'dns',
    call: { method: 'GET', path: '/1.0/domain/zone/example.com/record' },
    targets: [{ action: 'dnsZone:apiovh:record/get', resourceUrn: urn('dnsZone', 'example.com') }],
    expected: 'deny',
  },
  {
    name: 'a weekday condition on a Friday',
    as: 'dns',
    call: { method: 'GET', path: '/1.0/domain/example.com' },
    targets: [{ action: 'domain:apiovh:get', resourceUrn: urn('domain', 'example.com') }],
    expected: 'allow',
  },
  {
    name: 'a weekday condition on a Sunday',
    as: 'dns',
    weekend: true,
    call: { method: 'GET', path: '/1.0/domain/example.com' },
    targets: [{ action: 'domain:apiovh:get', resourceUrn: urn('domain', 'example.com') }],
    expected: 'deny',
  },
  {
    name: 'an IP condition that holds (127.0.0.0/8)',
    as: 'network',
    call: { method: 'GET', path: '/v2/vrackServices/resource/vrs-a1b-2c3-d4e' },
    targets: [
      { action: 'vrackServices:apiovh:resource/get', resourceUrn: urn('vrackServices', 'vrs-a1b-2c3-d4e') },
    ],
    expected: 'allow',
  },
  {
    name: 'an IP condition that does not hold (192.0.2.0/24)',
    as: 'network',
    call: { method: 'POST', path: '/1.0/dedicated/server/ns3001234.ip-203-0-113.eu/reboot' },
    targets: [{ action: 'dedicatedServer:apiovh:reboot', resourceUrn: PRIMARY_SERVER }],
    expected: 'deny',
  },
  // multi-action operations, each action on its own resource
  {
    name: 'attaching a server needs an action on the vRack and one on the server: both granted',
    as: 'network',
    call: {
      method: 'POST',
      path: '/1.0/vrack/pn-12345/dedicatedServer',
      body: { dedicatedServer: 'ns3001234.ip-203-0-113.eu' },
    },
    targets: [
      { action: 'vrack:apiovh:dedicatedServer/attach', resourceUrn: BACKBONE },
      { action: 'dedicatedServer:apiovh:vrack/attach', resourceUrn: PRIMARY_SERVER },
    ],
    expected: 'allow',
  },
  {
    name: 'attaching a server: refused on the server only',
    as: 'network',
    call: {
      method: 'POST',
      path: '/1.0/vrack/pn-12345/dedicatedServer',
      body: { dedicatedServer: 'ns3005678.ip-198-51-100.eu' },
    },
    targets: [
      { action: 'vrack:apiovh:dedicatedServer/attach', resourceUrn: BACKBONE },
      { action: 'dedicatedServer:apiovh:vrack/attach', resourceUrn: REPLICA_SERVER },
    ],
    expected: 'deny',
    refused: ['dedicatedServer:apiovh:vrack/attach'],
  },
  {
    name: 'attaching a server: refused on the vRack only',
    as: 'network',
    call: {
      method: 'POST',
      path: '/1.0/vrack/pn-67890/dedicatedServer',
      body: { dedicatedServer: 'ns3001234.ip-203-0-113.eu' },
    },
    targets: [
      { action: 'vrack:apiovh:dedicatedServer/attach', resourceUrn: LAB },
      { action: 'dedicatedServer:apiovh:vrack/attach', resourceUrn: PRIMARY_SERVER },
    ],
    expected: 'deny',
    refused: ['vrack:apiovh:dedicatedServer/attach'],
  },
  // optional actions: never a 403, fewer items
  {
    name: 'a missing optional action hides an item instead of refusing the call',
    as: 'network',
    call: { method: 'GET', path: '/1.0/vrack/pn-12345/allowedServices' },
    targets: [{ action: 'vrack:apiovh:allowedServices/get', resourceUrn: BACKBONE }],
    expected: 'allow',
  },
  // cross-account sharing
  {
    name: "a policy of the resource's account shares it with another account's identity",
    as: 'partner',
    call: { method: 'GET', path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: GUIDE_HOSTING }],
    expected: 'allow',
  },
  {
    name: "the partner's own * policy does not reach the other account",
    as: 'partner',
    call: { method: 'GET', path: '/1.0/hosting/web/yyyyyyy.cluster002.hosting.ovh.net' },
    targets: [{ action: 'webHosting:apiovh:get', resourceUrn: SHOP_HOSTING }],
    expected: 'deny',
  },
  {
    name: "the partner's own * policy reaches its own account",
    as: 'partner',
    call: { method: 'GET', path: '/1.0/vps/vps-99999999.vps.ovh.net' },
    targets: [{ action: 'vps:apiovh:get', resourceUrn: PARTNER_VPS }],
    expected: 'allow',
  },
  // the account owner
  {
    name: 'the account owner is never restricted, even by a deny naming it',
    as: 'owner',
    call: { method: 'GET', path: '/1.0/me' },
    targets: [{ action: 'account:apiovh:me/get', resourceUrn: ACCOUNT }],
    expected: 'allow',
  },
  {
    name: 'the account owner reboots the production VPS that operations may not',
    as: 'owner',
    call: { method: 'POST', path: '/1.0/vps/vps-5b48d78b.vps.ovh.net/reboot' },
    targets: [{ action: 'vps:apiovh:reboot', resourceUrn: PROD_VPS }],
    expected: 'allow',
  },
  {
    name: "the account owner has no rights on another account's resources",
    as: 'owner',
    call: { method: 'GET', path: '/1.0/vps/vps-99999999.vps.ovh.net' },
    targets: [{ action: 'vps:apiovh:get', resourceUrn: PARTNER_VPS }],
    expected: 'deny',
  },
  // the credential's own restrictions
  {
    name: 'a read-only consumer key refuses a write that IAM would allow (unauthorizedActionsByAuthentication)',
    as: 'ownerReadOnly',
    call: {
      method: 'PUT',
      path: '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net',
      body: { displayName: 'x' },
    },
    targets: [{ action: 'webHosting:apiovh:edit', resourceUrn: GUIDE_HOSTING }],
    expected: 'deny',
    byAuthentication: true,
  },
];
