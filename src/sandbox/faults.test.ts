import { describe, expect, it } from 'vitest';
import { faultsFromEnv, FaultSpecError, findFault, parseFaultSpec } from './faults';
import { createSandbox } from './sandbox';
import { DEMO, sandboxClient } from './testing';

describe('fault rules', () => {
  it('parse from the command line', () => {
    expect(parseFaultSpec('GET /1.0/me status=429 retryAfter=30')).toEqual({
      route: 'GET /1.0/me',
      status: 429,
      retryAfter: 30,
    });
    expect(parseFaultSpec('/1.0/vps/* status=503 rate=0.5 latency=200')).toEqual({
      route: '/1.0/vps/*',
      status: 503,
      rate: 0.5,
      latencyMs: 200,
    });
    expect(() => parseFaultSpec('/1.0/me')).toThrow(FaultSpecError);
    expect(() => parseFaultSpec('/1.0/me status=200')).toThrow(/status/);
    expect(() => parseFaultSpec('/1.0/me status=500 colour=red')).toThrow(/unknown key/);
  });

  it('parse from OVH_SANDBOX_FAULTS', () => {
    expect(faultsFromEnv('[{"route":"*","latencyMs":10}]')).toEqual([{ route: '*', latencyMs: 10 }]);
    expect(faultsFromEnv(undefined)).toEqual([]);
    expect(() => faultsFromEnv('{"route":"*"}')).toThrow(FaultSpecError);
  });

  it('match on method and path, with a rate', () => {
    const rules = [
      { route: 'POST /1.0/vps/*', status: 500 },
      { route: '/v2/*', status: 503, rate: 0.3 },
    ];
    expect(findFault(rules, 'POST', '/1.0/vps/vps-1/reboot')).toEqual(rules[0]);
    expect(findFault(rules, 'GET', '/1.0/vps/vps-1')).toBeUndefined();
    expect(findFault(rules, 'GET', '/v2/iam/policy', () => 0.2)).toEqual(rules[1]);
    expect(findFault(rules, 'GET', '/v2/iam/policy', () => 0.5)).toBeUndefined();
  });
});

describe('an injected fault', () => {
  it('answers 429 with Retry-After and an OVH body, on the chosen route only', async () => {
    const client = sandboxClient(
      createSandbox({ faults: [{ route: 'GET /1.0/me', status: 429, retryAfter: 30 }] }),
    );
    const token = await client.token(DEMO.admin.clientId, DEMO.admin.clientSecret);
    const limited = await client.call('GET', '/1.0/me', { token });
    expect(limited).toMatchObject({ status: 429, body: { class: 'Client::TooManyRequests' } });
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('x-ovh-queryid')).toBeTruthy();
    expect((await client.call('GET', '/1.0/auth/details', { token })).status).toBe(200);
  });

  it('takes the token endpoint down with an HTML 503, as OVH under load', async () => {
    const sandbox = createSandbox({ faults: [{ route: '/auth/oauth2/token', status: 503 }] });
    const response = await sandbox.fetch(
      new Request('http://sandbox.test/auth/oauth2/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=0f0f0f0f0f0f0f0f&client_secret=xxxxx',
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('adds latency', async () => {
    const client = sandboxClient(createSandbox({ faults: [{ route: '/1.0/', latencyMs: 60 }] }));
    const started = performance.now();
    expect((await client.call('GET', '/1.0/')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('the admin endpoint', () => {
  it('does not exist unless enabled', async () => {
    const client = sandboxClient(createSandbox());
    expect((await client.call('GET', '/_sandbox/faults')).status).toBe(404);
    expect((await client.call('POST', '/_sandbox/reset')).status).toBe(404);
  });

  it('sets and clears faults, and resets the state to the seed', async () => {
    const sandbox = createSandbox({ admin: true });
    const client = sandboxClient(sandbox);
    expect(
      (await client.call('PUT', '/_sandbox/faults', { body: [{ route: '/1.0/', status: 500 }] })).status,
    ).toBe(200);
    expect((await client.call('GET', '/1.0/')).status).toBe(500);
    expect((await client.call('PUT', '/_sandbox/faults', { body: [{ route: '/1.0/' }] })).status).toBe(400);
    expect((await client.call('DELETE', '/_sandbox/faults')).body).toEqual([]);
    expect((await client.call('GET', '/1.0/')).status).toBe(200);

    const admin = await client.token(DEMO.admin.clientId, DEMO.admin.clientSecret);
    await client.call('DELETE', '/v2/iam/policy/2f8b4e52-5d2c-4b1e-9a31-1f6d2c1b7a01', { token: admin });
    expect(sandbox.state.policies.has('2f8b4e52-5d2c-4b1e-9a31-1f6d2c1b7a01')).toBe(false);
    expect((await client.call('POST', '/_sandbox/reset')).status).toBe(200);
    expect(sandbox.state.policies.has('2f8b4e52-5d2c-4b1e-9a31-1f6d2c1b7a01')).toBe(true);
  });
});
