/**
 * OVHcloud URNs, as OVH.md describes them:
 *   resource: urn:v1:<plate>:resource:<resourceType>:<id>
 *   identity: urn:v1:<plate>:identity:<kind>:<account>[/<name>]
 * The id of a resource may itself contain ':' or '/', so everything after the type is the id.
 */

export type Plate = 'eu' | 'ca' | 'us';

export type ResourceUrn = {
  kind: 'resource';
  plate: string;
  resourceType: string;
  id: string;
};

export type IdentityUrn = {
  kind: 'identity';
  plate: string;
  /** account, user, group, credential… */
  identityType: string;
  account: string;
  /** the part after the account, e.g. "oauth2-0f0f0f0f0f0f0f0f" for a service account */
  name?: string;
};

export type ParsedUrn = ResourceUrn | IdentityUrn;

const URN_PREFIX = 'urn:v1:';

export function parseUrn(urn: string): ParsedUrn | undefined {
  if (!urn.startsWith(URN_PREFIX)) return undefined;
  const parts = urn.slice(URN_PREFIX.length).split(':');
  const [plate, kind, type, ...rest] = parts;
  const tail = rest.join(':');
  if (!plate || !type || !tail) return undefined;
  if (kind === 'resource') return { kind, plate, resourceType: type, id: tail };
  if (kind === 'identity') {
    const slash = tail.indexOf('/');
    if (slash === -1) return { kind, plate, identityType: type, account: tail };
    const account = tail.slice(0, slash);
    const name = tail.slice(slash + 1);
    if (!account || !name) return undefined;
    return { kind, plate, identityType: type, account, name };
  }
  return undefined;
}

export function resourceUrn(plate: string, resourceType: string, id: string): string {
  return `${URN_PREFIX}${plate}:resource:${resourceType}:${id}`;
}

/** The account itself is a resource: the target of every `account:` action (everything under /me). */
export function accountResourceUrn(plate: string, account: string): string {
  return resourceUrn(plate, 'account', account);
}

export function accountIdentityUrn(plate: string, account: string): string {
  return `${URN_PREFIX}${plate}:identity:account:${account}`;
}

export function serviceAccountIdentityUrn(plate: string, account: string, clientId: string): string {
  return `${URN_PREFIX}${plate}:identity:credential:${account}/oauth2-${clientId}`;
}

/** The account that owns an identity, whatever its kind. */
export function identityAccount(urn: string): string | undefined {
  const parsed = parseUrn(urn);
  return parsed?.kind === 'identity' ? parsed.account : undefined;
}
