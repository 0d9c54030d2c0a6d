import { describe, expect, it } from 'vitest';
import { evaluate, type AccessRequest } from './evaluate';
import type { Policy } from './policy';

const SA = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
const HOSTING = 'urn:v1:eu:resource:webHosting:xxxxxxx.cluster001.hosting.ovh.net';
const now = new Date('2026-11-27T10:00:00Z'); // a Friday

function policy(overrides: Partial<Policy> & Pick<Policy, 'id'>): Policy {
  return {
    name: overrides.id,
    identities: [SA],
    resources: [{ urn: HOSTING }],
    permissions: { allow: [{ action: 'webHosting:*' }] },
    owner: 'xx11111-ovh',
    ...overrides,
  };
}

function request(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    identities: [SA],
    action: 'webHosting:apiovh:get',
    resource: { urn: HOSTING, owner: 'xx11111-ovh' },
    now,
    ...overrides,
  };
}

describe('evaluate', () => {
  it('denies by default when no policy exists', () => {
    expect(evaluate([], request())).toMatchObject({ outcome: 'deny', reason: { kind: 'no-policy' } });
  });

  it('allows an action that a policy allows, and names the policy and the pattern', () => {
    const decision = evaluate([policy({ id: 'demo' })], request());
    expect(decision).toMatchObject({
      outcome: 'allow',
      reason: { kind: 'allowed', policy: { id: 'demo' }, pattern: 'webHosting:*' },
    });
  });

  it('denies an action listed in except', () => {
    const p = policy({
      id: 'p',
      permissions: { allow: [{ action: 'webHosting:*' }], except: [{ action: 'webHosting:apiovh:get' }] },
    });
    expect(evaluate([p], request())).toMatchObject({
      outcome: 'deny',
      reason: {
        kind: 'excepted',
        policy: { id: 'p' },
        pattern: 'webHosting:apiovh:get',
        allowPattern: 'webHosting:*',
      },
    });
  });

  it("keeps an except within its own policy: another policy's allow still grants", () => {
    const excepting = policy({
      id: 'a',
      permissions: { allow: [{ action: 'webHosting:*' }], except: [{ action: 'webHosting:apiovh:get' }] },
    });
    const allowing = policy({ id: 'b', permissions: { allow: [{ action: 'webHosting:apiovh:get' }] } });
    expect(evaluate([excepting, allowing], request())).toMatchObject({
      outcome: 'allow',
      reason: { policy: { id: 'b' } },
    });
  });

  it('lets a deny in one policy win over an allow in another', () => {
    const allowing = policy({ id: 'allow-all', permissions: { allow: [{ action: '*' }] } });
    const denying = policy({ id: 'no-get', permissions: { deny: [{ action: 'webHosting:apiovh:get' }] } });
    expect(evaluate([allowing, denying], request())).toMatchObject({
      outcome: 'deny',
      reason: { kind: 'denied', policy: { id: 'no-get' }, pattern: 'webHosting:apiovh:get' },
    });
  });

  it('matches wildcards at the start and at the end of actions', () => {
    expect(
      evaluate([policy({ id: 'p', permissions: { allow: [{ action: '*:apiovh:get' }] } })], request())
        .outcome,
    ).toBe('allow');
    expect(
      evaluate([policy({ id: 'p', permissions: { allow: [{ action: 'webHosting:apiovh:*' }] } })], request())
        .outcome,
    ).toBe('allow');
    expect(
      evaluate([policy({ id: 'p', permissions: { allow: [{ action: 'vps:*' }] } })], request()).outcome,
    ).toBe('deny');
  });

  it('matches wildcards at the start and at the end of resource URNs', () => {
    const byType = policy({ id: 'p', resources: [{ urn: 'urn:v1:eu:resource:webHosting:*' }] });
    const bySuffix = policy({ id: 'q', resources: [{ urn: '*.cluster001.hosting.ovh.net' }] });
    const other = policy({ id: 'r', resources: [{ urn: 'urn:v1:eu:resource:vps:*' }] });
    expect(evaluate([byType], request()).outcome).toBe('allow');
    expect(evaluate([bySuffix], request()).outcome).toBe('allow');
    expect(evaluate([other], request())).toMatchObject({ outcome: 'deny', reason: { kind: 'no-policy' } });
  });

  it('ignores a policy that names another identity', () => {
    const p = policy({
      id: 'p',
      identities: ['urn:v1:eu:identity:credential:xx11111-ovh/oauth2-b0b0b0b0b0b0b0b0'],
    });
    const decision = evaluate([p], request());
    expect(decision).toMatchObject({ outcome: 'deny', reason: { kind: 'no-policy' } });
    expect(decision.verdicts[0]).toMatchObject({ identity: false, resource: true, allow: 'webHosting:*' });
  });

  it('counts an expired policy for nothing, and says so', () => {
    const p = policy({ id: 'old', expiredAt: '2026-01-01T00:00:00Z' });
    expect(evaluate([p], request())).toMatchObject({
      outcome: 'deny',
      reason: { kind: 'expired', policy: { id: 'old' }, expiredAt: '2026-01-01T00:00:00Z' },
    });
    expect(evaluate([policy({ id: 'later', expiredAt: '2027-01-01T00:00:00Z' })], request()).outcome).toBe(
      'allow',
    );
  });

  it('ignores an expired deny', () => {
    const allowing = policy({ id: 'a' });
    const oldDeny = policy({
      id: 'd',
      permissions: { deny: [{ action: '*' }] },
      expiredAt: '2025-01-01T00:00:00Z',
    });
    expect(evaluate([allowing, oldDeny], request()).outcome).toBe('allow');
  });

  it('never restricts the account owner', () => {
    const deny = policy({
      id: 'd',
      identities: ['urn:v1:eu:identity:account:xx11111-ovh'],
      permissions: { deny: [{ action: '*' }] },
    });
    const decision = evaluate([deny], request({ identities: ['urn:v1:eu:identity:account:xx11111-ovh'] }));
    expect(decision).toMatchObject({ outcome: 'allow', reason: { kind: 'owner', account: 'xx11111-ovh' } });
  });

  it("gives an account owner nothing on another account's resources", () => {
    const decision = evaluate([], request({ identities: ['urn:v1:eu:identity:account:yy22222-ovh'] }));
    expect(decision.outcome).toBe('deny');
  });

  it("keeps one account's policies away from another account's resources", () => {
    const foreign = policy({
      id: 'foreign',
      owner: 'yy22222-ovh',
      resources: [{ urn: '*' }],
      permissions: { allow: [{ action: '*' }] },
    });
    const decision = evaluate([foreign], request());
    expect(decision).toMatchObject({ outcome: 'deny', reason: { kind: 'no-policy' } });
    expect(decision.verdicts[0]?.sameAccount).toBe(false);
  });

  it('applies a policy whose conditions hold, and not one whose conditions fail', () => {
    const tagged = policy({
      id: 't',
      conditions: { operator: 'MATCH', values: { 'resource.Tag(env)': 'prod' } },
    });
    expect(
      evaluate([tagged], request({ resource: { urn: HOSTING, owner: 'xx11111-ovh', tags: { env: 'prod' } } }))
        .outcome,
    ).toBe('allow');
    expect(
      evaluate([tagged], request({ resource: { urn: HOSTING, owner: 'xx11111-ovh', tags: { env: 'dev' } } })),
    ).toMatchObject({
      outcome: 'deny',
      reason: {
        kind: 'condition-failed',
        policy: { id: 't' },
        failed: [{ key: 'resource.Tag(env)', expected: 'prod', actual: 'dev' }],
      },
    });
  });

  it('answers unknown when a deciding condition needs a fact the caller does not know', () => {
    const byIp = policy({
      id: 'ip',
      conditions: { operator: 'MATCH', values: { 'request.IP': '192.0.2.0/24' } },
    });
    expect(evaluate([byIp], request())).toMatchObject({
      outcome: 'unknown',
      reason: { kind: 'condition-unknown' },
    });
    expect(evaluate([byIp], request({ ip: '192.0.2.7' })).outcome).toBe('allow');
    expect(evaluate([byIp], request({ ip: '198.51.100.1' })).outcome).toBe('deny');
  });

  it('grants through a permissions group the policy references', () => {
    const p = policy({
      id: 'g',
      permissions: {},
      permissionsGroups: [{ urn: 'urn:v1:eu:permissionsGroup:ovh:webReader' }],
    });
    const groups = new Map([
      ['urn:v1:eu:permissionsGroup:ovh:webReader', { allow: [{ action: 'webHosting:apiovh:get' }] }],
    ]);
    expect(evaluate([p], request(), { permissionsGroups: groups }).outcome).toBe('allow');
    expect(evaluate([p], request()).outcome).toBe('deny');
  });

  it('reports a verdict per policy, in order, for the troubleshooter', () => {
    const decision = evaluate(
      [policy({ id: 'a' }), policy({ id: 'b', resources: [{ urn: 'urn:v1:eu:resource:vps:*' }] })],
      request(),
    );
    expect(decision.verdicts.map((v) => [v.policy.id, v.resource, v.allow])).toEqual([
      ['a', true, 'webHosting:*'],
      ['b', false, 'webHosting:*'],
    ]);
  });
});
