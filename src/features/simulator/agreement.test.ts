import { describe, expect, it } from 'vitest';
import type { Policy } from '../../domain/iam/policy';
import { simulateOperation } from '../../domain/iam/simulate';
import { accountIdentityUrn, serviceAccountIdentityUrn } from '../../domain/urn/urn';
import { CASE_CREDENTIALS, CASE_POLICIES, IAM_CASES, type CaseIdentity } from '../../sandbox/iam-cases';
import { loadDefaultSeed } from '../../sandbox/seed/seed';
import { createState } from '../../sandbox/state';

/**
 * The simulator decides as the sandbox enforces: the sandbox's IAM case table (run over HTTP in
 * src/sandbox/iam-cases.test.ts), decided here as the simulator page decides it, with the seed's policies.
 */
const seed = loadDefaultSeed();
const state = createState(seed);
const policies: Policy[] = [
  ...state.policies.values(),
  ...CASE_POLICIES.map((input, i) => ({ ...input, id: `case-${i}`, owner: 'xx11111-ovh' })),
];

function identityOf(who: CaseIdentity): string {
  if (who === 'owner' || who === 'ownerReadOnly') return accountIdentityUrn('eu', 'xx11111-ovh');
  const account = who === 'partner' ? 'yy22222-ovh' : 'xx11111-ovh';
  return serviceAccountIdentityUrn('eu', account, CASE_CREDENTIALS[who].clientId);
}

describe('the simulator and the sandbox agree on every case of the IAM case table', () => {
  it.each(IAM_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const refused = c.targets.filter(({ action, resourceUrn }) => {
      const resource = state.resources.get(resourceUrn);
      const simulated = simulateOperation({ iamActions: [{ name: action, required: true }] }, policies, {
        identity: identityOf(c.as),
        resourceUrn,
        resourceOwner: resource?.account,
        resourceTags: resource?.tags,
        now: new Date(c.weekend ? '2026-11-29T10:00:00Z' : '2026-11-27T10:00:00Z'),
        ip: '127.0.0.1',
      });
      return simulated.outcome !== 'allow';
    });
    // A consumer key's own restrictions are not IAM: the simulator, like authorization/check, allows.
    const expected =
      c.expected === 'allow' || c.byAuthentication ? [] : (c.refused ?? c.targets.map((t) => t.action));
    expect(refused.map((t) => t.action)).toEqual(expected);
  });
});
