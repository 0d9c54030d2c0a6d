import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_CREDENTIALS,
  CASE_POLICIES,
  IAM_CASES,
  OWNER_APPLICATION,
  type CaseIdentity,
  type IamCase,
} from './iam-cases';
import { startSandboxServer, type SandboxServer } from './server';
import { ovhSignature } from './signed-auth';

/**
 * The IAM case table over HTTP, against running sandboxes, with real tokens: for every case, the
 * authorization check and the real call must both give the expected answer.
 */

const FRIDAY = Date.parse('2026-11-27T10:00:00Z');
const SUNDAY = Date.parse('2026-11-29T10:00:00Z');

type Client = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

async function clientFor(server: SandboxServer, who: CaseIdentity): Promise<Client> {
  if (who === 'owner' || who === 'ownerReadOnly') {
    const consumerKey = OWNER_APPLICATION.consumerKeys[who];
    // Like OVH's SDKs, sign with the server's time (GET /auth/time), whatever the local clock says.
    const serverTime = (await (await fetch(`${server.url}/1.0/auth/time`)).json()) as number;
    const drift = serverTime - Math.floor(Date.now() / 1000);
    return async (method, path, body) => {
      const url = `${server.url}${path}`;
      const text = body === undefined ? '' : JSON.stringify(body);
      const timestamp = String(Math.floor(Date.now() / 1000) + drift);
      const response = await fetch(url, {
        method,
        body: text || undefined,
        headers: {
          'Content-Type': 'application/json',
          'X-Ovh-Application': OWNER_APPLICATION.applicationKey,
          'X-Ovh-Consumer': consumerKey,
          'X-Ovh-Timestamp': timestamp,
          'X-Ovh-Signature': await ovhSignature(
            OWNER_APPLICATION.applicationSecret,
            consumerKey,
            method,
            url,
            text,
            timestamp,
          ),
        },
      });
      return { status: response.status, body: await response.json() };
    };
  }
  const { clientId, clientSecret } = CASE_CREDENTIALS[who];
  const exchange = await fetch(`${server.url}/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'all',
    }),
  });
  expect(exchange.status).toBe(200);
  const { access_token: token } = (await exchange.json()) as { access_token: string };
  return async (method, path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
}

let weekday: SandboxServer;
let weekend: SandboxServer;
const clients = new Map<string, Client>();

async function client(c: IamCase): Promise<Client> {
  const server = c.weekend ? weekend : weekday;
  const key = `${c.weekend ? 'weekend' : 'weekday'}:${c.as}`;
  let found = clients.get(key);
  if (!found) {
    found = await clientFor(server, c.as);
    clients.set(key, found);
  }
  return found;
}

beforeAll(async () => {
  // Clocks that advance from a fixed date, so that weekday conditions and expiries are repeatable.
  const clock = (start: number) => {
    const offset = start - Date.now();
    return () => Date.now() + offset;
  };
  weekday = await startSandboxServer({ port: 0, host: '127.0.0.1', now: clock(FRIDAY) });
  weekend = await startSandboxServer({ port: 0, host: '127.0.0.1', now: clock(SUNDAY) });
  for (const server of [weekday, weekend]) {
    const admin = await clientFor(server, 'admin');
    for (const policy of CASE_POLICIES)
      expect((await admin('POST', '/v2/iam/policy', policy)).status).toBe(200);
  }
});
afterAll(async () => {
  await Promise.all([weekday.close(), weekend.close()]);
});

describe('the IAM case table, over HTTP', () => {
  it('has at least 30 cases covering every rule', () => {
    expect(IAM_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(IAM_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const call = await client(c);
    // authorization/check, as the same identity, for each action on its own resource. A read-only consumer
    // key may not POST it: its identity asks through a key without restrictions.
    const checker = c.byAuthentication ? await client({ ...c, as: 'owner' }) : call;
    const checks = await Promise.all(
      c.targets.map(async ({ action, resourceUrn }) => {
        const answer = await checker(
          'POST',
          `/v2/iam/resource/${encodeURIComponent(resourceUrn)}/authorization/check`,
          { actions: [action] },
        );
        expect(answer.status).toBe(200);
        return (answer.body as { authorizedActions: string[] }).authorizedActions.includes(action);
      }),
    );
    const refusedByCheck = c.targets.filter((_, i) => !checks[i]).map((t) => t.action);

    // the real call
    const answer = await call(c.call.method, c.call.path, c.call.body);
    const details = (answer.body as { details?: Record<string, string> } | null)?.details ?? {};

    if (c.byAuthentication) {
      expect(refusedByCheck).toEqual([]);
      expect(answer.status).toBe(403);
      expect(details.unauthorizedActionsByAuthentication).toBe(c.targets.map((t) => t.action).join(','));
      return;
    }
    if (c.expected === 'allow') {
      expect(refusedByCheck).toEqual([]);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(400);
    } else {
      const refused = c.refused ?? c.targets.map((t) => t.action);
      expect(refusedByCheck).toEqual(refused);
      expect(answer.status).toBe(403);
      expect(details.unauthorizedActionsByIAM?.split(',')).toEqual(refused);
    }
  });

  it('hides the items a missing optional action does not let the caller see', async () => {
    weekday.sandbox.reset(); // the cases above attached a server
    const network = await clientFor(weekday, 'network');
    const admin = await clientFor(weekday, 'admin');
    const asNetwork = await network('GET', '/1.0/vrack/pn-67890/allowedServices').catch(() => undefined);
    expect(asNetwork?.status).toBe(403); // no policy on this vRack at all
    const mine = await network('GET', '/1.0/vrack/pn-12345/allowedServices');
    const all = await admin('GET', '/1.0/vrack/pn-12345/allowedServices');
    expect((mine.body as { dedicatedServer: string[] }).dedicatedServer).toEqual([
      'ns3001234.ip-203-0-113.eu',
    ]);
    expect((all.body as { dedicatedServer: string[] }).dedicatedServer).toEqual([
      'ns3001234.ip-203-0-113.eu',
      'ns3005678.ip-198-51-100.eu',
    ]);
  });

  it('lists only the resources the caller may get', async () => {
    const guide = await clientFor(weekday, 'guide');
    const partner = await clientFor(weekday, 'partner');
    expect((await guide('GET', '/1.0/hosting/web')).body).toEqual(['xxxxxxx.cluster001.hosting.ovh.net']);
    expect((await partner('GET', '/1.0/hosting/web')).body).toEqual([
      'xxxxxxx.cluster001.hosting.ovh.net',
      'other.cluster010.hosting.ovh.net',
    ]);
  });
});
