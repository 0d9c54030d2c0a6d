import { describe, expect, it } from 'vitest';
import { op } from '../catalog/test-operations';
import { diffLines } from '../snippets/diff';
import { evaluate, type AccessRequest } from './evaluate';
import { proposeEdits } from './fix';
import { locateStatement } from './locate';
import type { Policy } from './policy';
import { reasonSentence } from './reason';
import { simulateOperation } from './simulate';

const OPS = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-c0c0c0c0c0c0c0c0';
const PROD = 'urn:v1:eu:resource:vps:vps-prod';
const now = new Date('2026-11-27T10:00:00Z');

const opsVps: Policy = {
  id: 'p1',
  name: 'ops-vps',
  owner: 'xx11111-ovh',
  identities: [OPS],
  resources: [{ urn: 'urn:v1:eu:resource:vps:*' }],
  permissions: { allow: [{ action: 'vps:apiovh:*' }], except: [{ action: 'vps:apiovh:ips/delete' }] },
};
const freeze: Policy = {
  id: 'p2',
  name: 'freeze-production',
  owner: 'xx11111-ovh',
  identities: [OPS],
  resources: [{ urn: PROD }],
  permissions: { deny: [{ action: 'vps:apiovh:reboot' }] },
};
const dns: Policy = {
  id: 'p3',
  name: 'dns-only',
  owner: 'xx11111-ovh',
  identities: [OPS],
  resources: [{ urn: 'urn:v1:eu:resource:dnsZone:example.com' }],
  permissions: { allow: [{ action: 'dnsZone:apiovh:get' }] },
};
const policies = [opsVps, freeze, dns];

const ask = (action: string, urn = PROD, extra: Partial<AccessRequest> = {}) =>
  evaluate(policies, { identities: [OPS], action, resource: { urn, owner: 'xx11111-ovh' }, now, ...extra });

describe('reasonSentence', () => {
  it('names the denying policy', () => {
    expect(
      reasonSentence(ask('vps:apiovh:reboot'), {
        identity: OPS,
        action: 'vps:apiovh:reboot',
        resourceUrn: PROD,
      }),
    ).toBe(
      `Policy “freeze-production” denies vps:apiovh:reboot on ${PROD} to ${OPS} (deny vps:apiovh:reboot): a deny wins over every allow.`,
    );
  });

  it('names the excepting policy', () => {
    expect(
      reasonSentence(ask('vps:apiovh:ips/delete'), {
        identity: OPS,
        action: 'vps:apiovh:ips/delete',
        resourceUrn: PROD,
      }),
    ).toMatch(/^Policy “ops-vps” allows vps:apiovh:\* but excepts vps:apiovh:ips\/delete/);
  });

  it('says when no policy allows it', () => {
    const urn = 'urn:v1:eu:resource:account:xx11111-ovh';
    expect(
      reasonSentence(ask('account:apiovh:me/get', urn), {
        identity: OPS,
        action: 'account:apiovh:me/get',
        resourceUrn: urn,
      }),
    ).toBe(`No policy allows ${OPS} account:apiovh:me/get on ${urn}.`);
  });

  it('tells expiry and failed conditions with their values', () => {
    const expired = evaluate([{ ...dns, expiredAt: '2026-01-01T00:00:00Z' }], {
      identities: [OPS],
      action: 'dnsZone:apiovh:get',
      resource: { urn: 'urn:v1:eu:resource:dnsZone:example.com' },
      now,
    });
    expect(
      reasonSentence(expired, { identity: OPS, action: 'dnsZone:apiovh:get', resourceUrn: 'z' }),
    ).toContain('expired on 2026-01-01');
    const tagged = evaluate(
      [{ ...dns, conditions: { operator: 'MATCH', values: { 'resource.Tag(env)': 'prod' } } }],
      {
        identities: [OPS],
        action: 'dnsZone:apiovh:get',
        resource: { urn: 'urn:v1:eu:resource:dnsZone:example.com', tags: { env: 'dev' } },
        now,
      },
    );
    expect(
      reasonSentence(tagged, { identity: OPS, action: 'dnsZone:apiovh:get', resourceUrn: 'z' }),
    ).toContain('resource.Tag(env) is “dev”, not “prod”');
  });
});

describe('proposeEdits', () => {
  it('drops the except that refuses the action', () => {
    const [edit] = proposeEdits(ask('vps:apiovh:ips/delete'), policies, {
      action: 'vps:apiovh:ips/delete',
      resourceUrn: PROD,
    });
    expect(edit?.kind).toBe('drop-except');
    expect(edit?.after.permissions.except).toEqual([]);
    expect(edit?.before.permissions.except).toEqual([{ action: 'vps:apiovh:ips/delete' }]);
  });

  it('drops the deny, warning that it lifts it for everybody the policy names', () => {
    const [edit] = proposeEdits(ask('vps:apiovh:reboot'), policies, {
      action: 'vps:apiovh:reboot',
      resourceUrn: PROD,
    });
    expect(edit).toMatchObject({
      kind: 'drop-deny',
      policy: { name: 'freeze-production' },
      after: { permissions: { deny: [] } },
    });
    expect(edit?.description).toContain('every identity and resource');
  });

  it('adds the action to a policy that already names the identity and the resource, or the resource to one that allows the action', () => {
    const zone = 'urn:v1:eu:resource:dnsZone:example.com';
    const edits = proposeEdits(ask('dnsZone:apiovh:record/create', zone), policies, {
      action: 'dnsZone:apiovh:record/create',
      resourceUrn: zone,
    });
    expect(edits.map((e) => [e.kind, e.policy.name])).toEqual([['add-allow', 'dns-only']]);
    expect(edits[0]?.after.permissions.allow).toEqual([
      { action: 'dnsZone:apiovh:get' },
      { action: 'dnsZone:apiovh:record/create' },
    ]);
    const other = 'urn:v1:eu:resource:dnsZone:example.net';
    expect(
      proposeEdits(ask('dnsZone:apiovh:get', other), policies, {
        action: 'dnsZone:apiovh:get',
        resourceUrn: other,
      }).map((e) => e.kind),
    ).toEqual(['add-resource']);
  });
});

describe('diffLines', () => {
  it('shows what an edit removes and adds', () => {
    expect(diffLines('a\nb\nc', 'a\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });
});

describe('locateStatement', () => {
  it('finds the deciding entry of the right policy and list', () => {
    const text = JSON.stringify(policies, null, 2);
    const found = locateStatement(text, { id: 'p2', name: 'freeze-production' }, 'deny', 'vps:apiovh:reboot');
    expect(found && text.slice(found.start, found.end).replace(/\s+/g, '')).toBe(
      '{"action":"vps:apiovh:reboot"}',
    );
    expect(found && found.start).toBeGreaterThan(text.indexOf('"freeze-production"'));
    const byName = locateStatement(
      text.replaceAll('"p1"', '"x"'),
      { name: 'ops-vps' },
      'except',
      'vps:apiovh:ips/delete',
    );
    expect(byName).toBeDefined();
    expect(locateStatement(text, { name: 'nope' }, 'allow', 'x')).toBeUndefined();
  });
});

describe('simulateOperation', () => {
  const context = { identity: OPS, resourceUrn: PROD, now };

  it('decides each required action on its resource, account actions on the account', () => {
    expect(
      simulateOperation(op('GET', '/vps/{serviceName}', ['vps:apiovh:get']), policies, context).outcome,
    ).toBe('allow');
    const reboot = simulateOperation(
      op('POST', '/vps/{serviceName}/reboot', ['vps:apiovh:reboot']),
      policies,
      context,
    );
    expect(reboot).toMatchObject({
      outcome: 'deny',
      deciding: { action: 'vps:apiovh:reboot', decision: { reason: { kind: 'denied' } } },
    });
    const me = simulateOperation(op('GET', '/me', ['account:apiovh:me/get']), policies, context);
    expect(me.deciding?.resourceUrn).toBe('urn:v1:eu:resource:account:xx11111-ovh');
    expect(me.outcome).toBe('deny');
  });

  it('says when an action applies to another resource type than the one simulated', () => {
    expect(
      simulateOperation(op('GET', '/domain/zone/{zoneName}', ['dnsZone:apiovh:get']), policies, context)
        .outcome,
    ).toBe('not-applicable');
    expect(simulateOperation(op('GET', '/auth/time'), policies, context).outcome).toBe('no-iam');
  });
});
