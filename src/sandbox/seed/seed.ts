import type { Policy } from '../../domain/iam/policy';
import type { OvhApplication } from '../signed-auth';
import defaultSeed from './default-seed.json';

/** The sandbox's starting state, as written in a seed file (see default-seed.json). */
export type Seed = {
  plate: string;
  accounts: SeedAccount[];
  serviceAccounts: SeedServiceAccount[];
  resources: SeedResource[];
  policies: Policy[];
  /** application-key credentials (OVH's signed requests): how the account owner signs in */
  ovhApplications?: OvhApplication[];
};

export type SeedAccount = {
  id: string;
  email: string;
  firstname: string;
  name: string;
  organisation?: string;
  country: string;
  language: string;
  ovhSubsidiary: string;
};

export type SeedServiceAccount = {
  clientId: string;
  clientSecret: string;
  account: string;
  name: string;
  description: string;
};

export type SeedResource = {
  type: string;
  id: string;
  account: string;
  displayName?: string;
  tags: Record<string, string>;
  properties: Record<string, unknown>;
  /** web hostings: their attached domains */
  attachedDomains?: Record<string, unknown>[];
  /** DNS zones: their records */
  records?: Record<string, unknown>[];
  /** VPS: their IP addresses */
  ips?: Record<string, unknown>[];
  /** dedicated servers: their tasks */
  tasks?: Record<string, unknown>[];
  /** vRacks: the dedicated servers attached to them */
  dedicatedServers?: string[];
};

export class SeedError extends Error {
  override name = 'SeedError';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireArray(seed: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = seed[key];
  if (!Array.isArray(value) || !value.every(isObject))
    throw new SeedError(`seed: "${key}" must be an array of objects`);
  return value;
}

function requireStrings(entry: Record<string, unknown>, where: string, keys: string[]): void {
  for (const key of keys) {
    if (typeof entry[key] !== 'string' || entry[key] === '')
      throw new SeedError(`seed: ${where} needs a non-empty string "${key}"`);
  }
}

/** Checks a seed document enough that a typo fails at start with a clear message, not at the first call. */
export function validateSeed(raw: unknown): Seed {
  if (!isObject(raw)) throw new SeedError('seed: the document must be a JSON object');
  if (typeof raw.plate !== 'string') throw new SeedError('seed: "plate" must be a string such as "eu"');
  const accounts = requireArray(raw, 'accounts');
  accounts.forEach((a, i) => requireStrings(a, `accounts[${i}]`, ['id', 'email', 'country']));
  const accountIds = new Set(accounts.map((a) => a.id));
  const knownAccount = (where: string, account: unknown) => {
    if (!accountIds.has(account as string))
      throw new SeedError(`seed: ${where} names unknown account ${JSON.stringify(account)}`);
  };
  const serviceAccounts = requireArray(raw, 'serviceAccounts');
  serviceAccounts.forEach((s, i) => {
    requireStrings(s, `serviceAccounts[${i}]`, ['clientId', 'clientSecret', 'account']);
    knownAccount(`serviceAccounts[${i}]`, s.account);
  });
  const resources = requireArray(raw, 'resources');
  resources.forEach((r, i) => {
    requireStrings(r, `resources[${i}]`, ['type', 'id', 'account']);
    knownAccount(`resources[${i}]`, r.account);
  });
  const policies = requireArray(raw, 'policies');
  policies.forEach((p, i) => {
    requireStrings(p, `policies[${i}]`, ['id', 'name', 'owner']);
    knownAccount(`policies[${i}]`, p.owner);
    if (!Array.isArray(p.identities) || !Array.isArray(p.resources) || !isObject(p.permissions)) {
      throw new SeedError(`seed: policies[${i}] needs identities[], resources[] and permissions{}`);
    }
  });
  return raw as unknown as Seed;
}

export function loadDefaultSeed(): Seed {
  return validateSeed(structuredClone(defaultSeed));
}
