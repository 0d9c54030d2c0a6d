import type { Policy } from '../domain/iam/policy';
import { resourceUrn, serviceAccountIdentityUrn } from '../domain/urn/urn';
import type { Seed, SeedAccount, SeedResource, SeedServiceAccount } from './seed/seed';
import type { OvhApplication } from './signed-auth';

export type SandboxResource = SeedResource & {
  urn: string;
  /** the resource's IAM id (a UUID), as `iam.id` and /v2/iam/resource show it */
  iamId: string;
};

export type ServiceAccount = SeedServiceAccount & { identity: string; createdAt: string };

export type IssuedToken = { clientId: string; expiresAt: number };

/** Everything the sandbox knows, in memory. Mutated by calls (policies, tags, records…); reset by a restart. */
export type SandboxState = {
  plate: string;
  accounts: Map<string, SeedAccount>;
  serviceAccounts: Map<string, ServiceAccount>;
  resources: Map<string, SandboxResource>;
  policies: Map<string, Policy>;
  tokens: Map<string, IssuedToken>;
  /** application-key credentials, by consumer key */
  applications: Map<string, OvhApplication>;
  /** source of the ids of tasks, records… created by calls */
  sequence: number;
};

export function nextId(state: SandboxState): number {
  return ++state.sequence;
}

export function createState(seed: Seed): SandboxState {
  const copy = structuredClone(seed);
  const resources = copy.resources.map((r): SandboxResource => {
    const urn = resourceUrn(copy.plate, r.type, r.id);
    return { ...r, urn, iamId: uuidFrom(urn) };
  });
  // Every account is itself a resource: the target of `account:` actions.
  for (const account of copy.accounts) {
    const urn = resourceUrn(copy.plate, 'account', account.id);
    resources.push({
      type: 'account',
      id: account.id,
      account: account.id,
      displayName: account.id,
      tags: {},
      properties: {},
      urn,
      iamId: uuidFrom(urn),
    });
  }
  return {
    plate: copy.plate,
    accounts: new Map(copy.accounts.map((a) => [a.id, a])),
    serviceAccounts: new Map(
      copy.serviceAccounts.map((s) => [
        s.clientId,
        {
          ...s,
          identity: serviceAccountIdentityUrn(copy.plate, s.account, s.clientId),
          createdAt: '2026-01-15T09:00:00Z',
        },
      ]),
    ),
    resources: new Map(resources.map((r) => [r.urn, r])),
    policies: new Map(
      copy.policies.map((p) => [p.id, { readOnly: false, permissionsGroups: [], updatedAt: null, ...p }]),
    ),
    tokens: new Map(),
    applications: new Map((copy.ovhApplications ?? []).map((app) => [app.consumerKey, app])),
    sequence: 5_100_000_000,
  };
}

export function resourcesOfType(state: SandboxState, type: string): SandboxResource[] {
  return [...state.resources.values()].filter((r) => r.type === type);
}

export function findResource(state: SandboxState, type: string, id: string): SandboxResource | undefined {
  return state.resources.get(resourceUrn(state.plate, type, id));
}

/** A stable UUID-shaped id from a string (FNV-1a), so that seeded resources keep their ids across restarts. */
export function uuidFrom(text: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function randomToken(bytes = 32): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return btoa(String.fromCharCode(...buffer))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
