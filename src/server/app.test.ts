import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { euFromSandbox, EU, scenarios } from '../mocks/ovh-upstream';
import { createSandbox, type Sandbox } from '../sandbox/sandbox';
import { DEMO, GUIDE_HOSTING, GUIDE_IDENTITY } from '../sandbox/testing';
import { createBackend } from './app';
import { createRegions } from './regions';

const upstream = setupServer();
const seen: Request[] = [];
upstream.events.on('request:start', ({ request }) => {
  seen.push(request.clone());
});

beforeAll(() => upstream.listen({ onUnhandledRequest: 'error' }));
afterEach(() => upstream.resetHandlers());
afterAll(() => upstream.close());

let clock: number;
let sandbox: Sandbox;
let backend: ReturnType<typeof createBackend>;
let inProcess: Sandbox;

beforeEach(() => {
  clock = Date.parse('2026-11-27T10:00:00Z');
  seen.length = 0;
  sandbox = createSandbox({ now: () => clock });
  inProcess = createSandbox({ basePath: '/sandbox', now: () => clock });
  upstream.use(...euFromSandbox(sandbox));
  const regions = createRegions({
    sandbox: { fetch: inProcess.fetch, mountPath: '/sandbox', plate: 'eu' },
    env: {},
  });
  backend = createBackend({ regions, now: () => clock });
});

const ORIGIN = 'http://explorer.test';

/** A browser-like client: keeps the cookie and sends the app's own Origin on writes. */
function browser(origin = ORIGIN) {
  let cookie = '';
  return {
    async fetch(path: string, init: RequestInit & { json?: unknown } = {}) {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('Cookie', cookie);
      if (init.method && init.method !== 'GET' && !headers.has('Origin')) headers.set('Origin', ORIGIN);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(init.json);
      }
      const response = await backend.request(`${origin}${path}`, { ...init, headers, body });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? '';
      return response;
    },
    signIn(credentials: { clientId: string; clientSecret: string } = DEMO.guide, region = 'eu') {
      return this.fetch('/api/session', { method: 'POST', json: { region, ...credentials } });
    },
  };
}

const tokenExchanges = () => seen.filter((r) => r.url === EU.token).length;
const apiCalls = () => seen.filter((r) => r.url.startsWith(EU.api));

describe('GET /api/regions', () => {
  it('lists the sandbox and the three OVHcloud regions with their endpoints', async () => {
    const regions = await (await backend.request(`${ORIGIN}/api/regions`)).json();
    expect(regions).toEqual([
      {
        id: 'sandbox',
        label: expect.any(String),
        apiBase: `${ORIGIN}/sandbox`,
        tokenUrl: `${ORIGIN}/sandbox/auth/oauth2/token`,
      },
      {
        id: 'eu',
        label: 'OVHcloud Europe',
        apiBase: 'https://eu.api.ovh.com',
        tokenUrl: 'https://www.ovh.com/auth/oauth2/token',
      },
      {
        id: 'ca',
        label: 'OVHcloud Canada',
        apiBase: 'https://ca.api.ovh.com',
        tokenUrl: 'https://ca.ovh.com/auth/oauth2/token',
      },
      {
        id: 'us',
        label: 'OVHcloud US',
        apiBase: 'https://api.us.ovhcloud.com',
        tokenUrl: 'https://us.ovhcloud.com/auth/oauth2/token',
      },
    ]);
  });
});

describe('POST /api/session', () => {
  it('signs in a service account and answers its identity, never the secret or the token', async () => {
    const response = await browser().signIn();
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      region: 'eu',
      clientId: DEMO.guide.clientId,
      scope: 'all',
      expiresAt: new Date(clock + 3599 * 1000).toISOString(),
      identity: { account: 'xx11111-ovh', method: 'oauth2_client_credentials', urns: [GUIDE_IDENTITY] },
      helper: null,
    });
    expect(text).not.toContain(DEMO.guide.clientSecret === 'xxxxx' ? '"xxxxx"' : DEMO.guide.clientSecret);
    const issued = [...sandbox.state.tokens.keys()];
    expect(issued).toHaveLength(1);
    expect(text).not.toContain(issued[0]);
  });

  it('sets an opaque HttpOnly, SameSite=Strict cookie', async () => {
    const response = await browser().signIn();
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ovhx_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(DEMO.guide.clientSecret);
  });

  it('marks the cookie Secure, with the __Host- prefix, over https', async () => {
    const response = await browser('https://explorer.test').fetch('/api/session', {
      method: 'POST',
      headers: { Origin: 'https://explorer.test' },
      json: { region: 'eu', ...DEMO.guide },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-ovhx_session=/);
    expect(cookie).toContain('Secure');
  });

  it('answers 401 invalid_client as OVH said it for a wrong secret', async () => {
    const response = await browser().signIn({ clientId: DEMO.guide.clientId, clientSecret: 'wrong' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      message: 'ovhcloud oauth2 client does not exists',
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 502 when the token endpoint is unreachable or answers HTML', async () => {
    upstream.use(scenarios.tokenEndpointDown());
    const down = await browser().signIn();
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: 'token_endpoint_unreachable' });
    upstream.use(scenarios.tokenEndpointHtml500());
    const html = await browser().signIn();
    expect(html.status).toBe(502);
    expect(await html.json()).toMatchObject({
      error: 'token_endpoint_error',
      message: expect.stringContaining('500'),
    });
  });

  it.each([
    ['no JSON', 'region=eu', 'text/plain', 'invalid_request'],
    ['malformed JSON', '{"region":', 'application/json', 'invalid_request'],
    [
      'an unknown region',
      JSON.stringify({ region: 'mars', clientId: 'a', clientSecret: 'b' }),
      'application/json',
      'invalid_region',
    ],
    [
      'no client id',
      JSON.stringify({ region: 'eu', clientSecret: 'b' }),
      'application/json',
      'invalid_client_id',
    ],
    [
      'no secret',
      JSON.stringify({ region: 'eu', clientId: 'a' }),
      'application/json',
      'invalid_client_secret',
    ],
  ])('answers 400 to %s, without calling OVH', async (_, body, type, error) => {
    const response = await browser().fetch('/api/session', {
      method: 'POST',
      body,
      headers: { 'Content-Type': type },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error, message: expect.any(String) });
    expect(seen).toHaveLength(0);
  });

  it('refuses a cross-origin sign-in with 403', async () => {
    const response = await browser().fetch('/api/session', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      json: { region: 'eu', ...DEMO.guide },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'cross_origin' });
    expect(seen).toHaveLength(0);
  });

  it('accepts a sign-in without Origin, as curl sends it', async () => {
    const response = await backend.request(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ region: 'eu', ...DEMO.guide }),
    });
    expect(response.status).toBe(201);
  });
});

describe('GET and DELETE /api/session', () => {
  it('answers the session while signed in, and 401 no_session once signed out', async () => {
    const user = browser();
    await user.signIn();
    expect(await (await user.fetch('/api/session')).json()).toMatchObject({
      region: 'eu',
      clientId: DEMO.guide.clientId,
    });
    const signOut = await user.fetch('/api/session', { method: 'DELETE' });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/ovhx_session=;/);
    const after = await user.fetch('/api/session');
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: 'no_session', message: 'Not signed in.' });
  });

  it('does not honour a forged session cookie', async () => {
    const response = await backend.request(`${ORIGIN}/api/session`, {
      headers: { Cookie: 'ovhx_session=forged' },
    });
    expect(response.status).toBe(401);
  });
});

describe('the proxy', () => {
  it("forwards the guide's calls with the session's token and brings OVH's answers back unchanged", async () => {
    const user = browser();
    await user.signIn();
    const ok = await user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ovh-queryid')).toMatch(/^SB\./);
    expect(ok.headers.get('x-explorer-auth')).toBe('session');
    expect(await ok.json()).toMatchObject({ serviceName: GUIDE_HOSTING });
    const refused = await user.fetch('/api/ovh/eu/1.0/me');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      class: 'Client::Forbidden',
      message: 'User not granted for this request',
      details: { unauthorizedActionsByAuthentication: '', unauthorizedActionsByIAM: 'account:apiovh:me/get' },
    });
    expect(apiCalls().every((r) => r.headers.get('authorization')?.startsWith('Bearer '))).toBe(true);
    expect(apiCalls().some((r) => r.headers.has('cookie') || r.headers.has('origin'))).toBe(false);
  });

  it('forwards schema listings without any session', async () => {
    const response = await browser().fetch('/api/ovh/eu/1.0/');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-explorer-auth')).toBe('none');
    expect(apiCalls()[0]?.headers.has('authorization')).toBe(false);
  });

  it("never sends one region's token to another region", async () => {
    const user = browser();
    await user.signIn(DEMO.guide, 'sandbox');
    await user.fetch('/api/ovh/eu/1.0/me');
    expect(apiCalls()[0]?.headers.has('authorization')).toBe(false);
  });

  it('reaches the in-process sandbox region', async () => {
    const user = browser();
    expect((await user.signIn(DEMO.guide, 'sandbox')).status).toBe(201);
    expect((await user.fetch(`/api/ovh/sandbox/1.0/hosting/web/${GUIDE_HOSTING}`)).status).toBe(200);
    expect((await user.fetch('/api/ovh/sandbox/1.0/me')).status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('exchanges the token once for 100 concurrent calls', async () => {
    const user = browser();
    await user.signIn();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`)),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokenExchanges()).toBe(1);
  });

  it('exchanges again, once, before the token expires, even under 100 concurrent calls', async () => {
    const user = browser();
    await user.signIn();
    clock += 3599 * 1000 - 30_000; // within the renewal margin
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`)),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokenExchanges()).toBe(2);
    const session = await (await user.fetch('/api/session')).json();
    expect(Date.parse(session.expiresAt)).toBe(clock + 3599 * 1000);
  });

  it('re-exchanges transparently, once, when OVH answers 401 to a token it had accepted', async () => {
    const user = browser();
    await user.signIn();
    upstream.use(scenarios.tokenRevokedOnce());
    const response = await user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-explorer-auth')).toBe('renewed');
    expect(tokenExchanges()).toBe(2);
  });

  it('forgets the session when the credentials stop working', async () => {
    const user = browser();
    await user.signIn();
    sandbox.state.serviceAccounts.delete(DEMO.guide.clientId);
    const response = await user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'session_expired' });
    expect((await user.fetch('/api/session')).status).toBe(401);
  });

  it.each([
    ['an encoded slash', '/api/ovh/eu/1.0/hosting%2Fweb', 400],
    ['a double encoding', '/api/ovh/eu/1.0/hosting/%252e%252e/me', 400],
    ['a backslash', '/api/ovh/eu/1.0/hosting%5Cweb', 400],
    ['an empty segment', '/api/ovh/eu/1.0//evil.example/x', 400],
    ['an unknown region', '/api/ovh/mars/1.0/me', 404],
    ['an unknown branch', '/api/ovh/eu/2.0/me', 404],
    ['an absolute URL', '/api/ovh/eu/1.0/https://evil.example/', 400],
  ])('refuses %s before anything leaves', async (_, path, status) => {
    const user = browser();
    await user.signIn();
    seen.length = 0;
    const response = await backend.request(`${ORIGIN}${path}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(seen).toHaveLength(0);
  });

  // Dot segments never reach this handler (URL parsing normalises them): node-entry.test.ts covers them.

  it('refuses an oversized body with 413, sending nothing', async () => {
    const response = await browser().fetch('/api/ovh/eu/v2/iam/policy', {
      method: 'POST',
      json: { name: 'x'.repeat(1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('refuses a cross-origin write through the proxy', async () => {
    const response = await browser().fetch('/api/ovh/eu/v2/iam/policy', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      json: {},
    });
    expect(response.status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('answers 502 in JSON when OVH cannot be reached', async () => {
    upstream.use(scenarios.apiDown());
    const response = await browser().fetch('/api/ovh/eu/1.0/');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'upstream_unreachable' });
  });

  it('answers 504 when OVH is too slow', async () => {
    const regions = createRegions({ env: {} });
    backend = createBackend({ regions, upstreamTimeoutMs: 50 });
    upstream.use(scenarios.slow(500));
    const response = await backend.request(`${ORIGIN}/api/ovh/eu/1.0/`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'upstream_timeout' });
  });

  it('passes a 429 through with its Retry-After', async () => {
    upstream.use(scenarios.rateLimited(12));
    const response = await browser().fetch('/api/ovh/eu/1.0/me');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    expect(response.headers.get('x-ovh-queryid')).toBe('EU.ext-1.mock.429');
  });

  it('forwards v2 pagination headers both ways', async () => {
    const user = browser();
    await user.signIn(DEMO.admin);
    const response = await user.fetch('/api/ovh/eu/v2/iam/reference/action?resourceType=webHosting', {
      headers: { 'X-Pagination-Size': '1' },
    });
    expect(await response.json()).toHaveLength(1);
    expect(response.headers.get('x-pagination-cursor-next')).toBeTruthy();
  });
});

describe('the helper account', () => {
  it('needs a session to join', async () => {
    const response = await browser().fetch('/api/session/helper', { method: 'POST', json: DEMO.admin });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'no_session' });
  });

  it('joins the session, and the calls that ask for it go out with its token', async () => {
    const user = browser();
    await user.signIn();
    const joined = await user.fetch('/api/session/helper', { method: 'POST', json: DEMO.admin });
    expect(joined.status).toBe(201);
    const view = await joined.json();
    expect(view).toMatchObject({
      clientId: DEMO.guide.clientId,
      helper: {
        clientId: DEMO.admin.clientId,
        identity: { urns: ['urn:v1:eu:identity:credential:xx11111-ovh/oauth2-a0a0a0a0a0a0a0a0'] },
      },
    });
    expect(JSON.stringify(view)).not.toContain(DEMO.admin.clientSecret);

    expect((await user.fetch('/api/ovh/eu/v2/iam/policy')).status).toBe(403);
    const asHelper = await user.fetch('/api/ovh/eu/v2/iam/policy', {
      headers: { 'X-Explorer-As': 'helper' },
    });
    expect(asHelper.status).toBe(200);
    expect(apiCalls().some((r) => r.headers.has('x-explorer-as'))).toBe(false);
  });

  it('keeps the session when the helper credentials are wrong', async () => {
    const user = browser();
    await user.signIn();
    const refused = await user.fetch('/api/session/helper', {
      method: 'POST',
      json: { ...DEMO.admin, clientSecret: 'nope' },
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    expect((await (await user.fetch('/api/session')).json()).helper).toBeNull();
    expect((await user.fetch(`/api/ovh/eu/1.0/hosting/web/${GUIDE_HOSTING}`)).status).toBe(200);
  });

  it('is forgotten on request, and a call asking for it then answers 401 no_helper', async () => {
    const user = browser();
    await user.signIn();
    await user.fetch('/api/session/helper', { method: 'POST', json: DEMO.admin });
    expect((await user.fetch('/api/session/helper', { method: 'DELETE' })).status).toBe(204);
    const response = await user.fetch('/api/ovh/eu/v2/iam/policy', {
      headers: { 'X-Explorer-As': 'helper' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'no_helper' });
  });

  it('refuses a cross-origin helper sign-in', async () => {
    const user = browser();
    await user.signIn();
    const response = await user.fetch('/api/session/helper', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      json: DEMO.admin,
    });
    expect(response.status).toBe(403);
  });

  it('refuses an unknown slot', async () => {
    const response = await browser().fetch('/api/ovh/eu/1.0/', { headers: { 'X-Explorer-As': 'root' } });
    expect(response.status).toBe(400);
  });
});
