import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox';
import { DEMO, GUIDE_HOSTING, GUIDE_IDENTITY, sandboxClient } from './testing';

let sandbox: Sandbox;
let client: ReturnType<typeof sandboxClient>;
let clock: number;

beforeEach(() => {
  clock = Date.parse('2026-11-27T10:00:00Z');
  sandbox = createSandbox({ now: () => clock });
  client = sandboxClient(sandbox);
});

const as = (who: keyof typeof DEMO) => client.token(DEMO[who].clientId, DEMO[who].clientSecret);

describe("the guide's story", () => {
  it('lets the service account read its web hosting, with IAM metadata', async () => {
    const response = await client.call('GET', `/1.0/hosting/web/${GUIDE_HOSTING}`, {
      token: await as('guide'),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      serviceName: GUIDE_HOSTING,
      iam: { urn: `urn:v1:eu:resource:webHosting:${GUIDE_HOSTING}` },
    });
  });

  it("refuses GET /me with OVH's exact 403", async () => {
    const response = await client.call('GET', '/1.0/me', { token: await as('guide') });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      class: 'Client::Forbidden',
      message: 'User not granted for this request',
      details: { unauthorizedActionsByAuthentication: '', unauthorizedActionsByIAM: 'account:apiovh:me/get' },
    });
  });

  it('tells the service account who it is, with no IAM action needed', async () => {
    const response = await client.call('GET', '/1.0/auth/details', { token: await as('guide') });
    expect(response.body).toMatchObject({
      account: 'xx11111-ovh',
      identities: [GUIDE_IDENTITY],
      method: 'oauth2_client_credentials',
    });
  });

  it('serves /v1 as an alias of /1.0', async () => {
    const response = await client.call('GET', `/v1/hosting/web/${GUIDE_HOSTING}`, {
      token: await as('guide'),
    });
    expect(response.status).toBe(200);
  });

  it('puts an X-Ovh-QueryID on every answer, errors included', async () => {
    const answers = await Promise.all([
      client.call('GET', '/1.0/'),
      client.call('GET', '/1.0/me'),
      client.call('GET', '/nowhere'),
      client.call('POST', '/auth/oauth2/token'),
    ]);
    for (const answer of answers) expect(answer.headers.get('x-ovh-queryid')).toMatch(/^SB\./);
  });
});

describe('authentication', () => {
  it("answers OVH's 401 without a token", async () => {
    const response = await client.call('GET', '/1.0/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ class: 'Client::Unauthorized', message: 'You must login first' });
  });

  it('answers 401 to a garbage token', async () => {
    const response = await client.call('GET', '/1.0/me', { token: 'garbage' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ class: 'Client::Unauthorized' });
  });

  it('answers 401 once the token has expired', async () => {
    const token = await as('admin');
    expect((await client.call('GET', '/1.0/me', { token })).status).toBe(200);
    clock += 3599 * 1000;
    expect((await client.call('GET', '/1.0/me', { token })).status).toBe(401);
  });

  it('expires tokens after a configurable lifetime', async () => {
    sandbox = createSandbox({ now: () => clock, tokenLifetimeSeconds: 5 });
    client = sandboxClient(sandbox);
    const token = await as('admin');
    clock += 4000;
    expect((await client.call('GET', '/1.0/me', { token })).status).toBe(200);
    clock += 1000;
    expect((await client.call('GET', '/1.0/me', { token })).status).toBe(401);
  });

  it('serves public routes without a token', async () => {
    const response = await client.call('GET', '/1.0/auth/time');
    expect(response.body).toBe(Math.floor(clock / 1000));
  });

  it('revokes the token on logout', async () => {
    const token = await as('guide');
    await client.call('POST', '/1.0/auth/logout', { token });
    expect((await client.call('GET', '/1.0/auth/details', { token })).status).toBe(401);
  });
});

describe('schemas', () => {
  it('lists the v1 and v2 sections in OVH’s root listing format', async () => {
    const v1 = await client.call('GET', '/1.0/');
    expect(v1.body).toMatchObject({ basePath: 'http://sandbox.test/1.0' });
    const paths = (v1.body as { apis: { path: string; schema: string }[] }).apis.map((a) => a.path);
    expect(paths).toEqual(expect.arrayContaining(['/auth', '/me', '/hosting/web', '/domain']));
    const v2 = await client.call('GET', '/v2/');
    expect((v2.body as { apis: { path: string }[] }).apis.map((a) => a.path)).toContain('/iam');
  });

  it('serves a section in OVH’s native format, with iamActions', async () => {
    const response = await client.call('GET', '/1.0/hosting/web.json');
    const section = response.body as {
      resourcePath: string;
      basePath: string;
      apis: { path: string; operations: { httpMethod: string; iamActions?: unknown }[] }[];
    };
    expect(section.resourcePath).toBe('/hosting/web');
    expect(section.basePath).toBe('http://sandbox.test/1.0');
    const get = section.apis
      .find((a) => a.path === '/hosting/web/{serviceName}')
      ?.operations.find((o) => o.httpMethod === 'GET');
    expect(get?.iamActions).toEqual([{ name: 'webHosting:apiovh:get', required: true }]);
  });

  it('answers OVH’s 404 for an unknown URL and 405 for an undescribed method', async () => {
    const token = await as('admin');
    expect(await client.call('GET', '/1.0/no/such/thing', { token })).toMatchObject({
      status: 404,
      body: { class: 'Client::NotFound' },
    });
    expect((await client.call('PATCH', '/1.0/me', { token })).status).toBe(405);
  });
});

describe('IAM enforcement', () => {
  it('lists only the web hostings the caller may get', async () => {
    const list = async (who: keyof typeof DEMO) =>
      (await client.call('GET', '/1.0/hosting/web', { token: await as(who) })).body;
    expect(await list('guide')).toEqual([GUIDE_HOSTING]);
    expect(await list('empty')).toEqual([]);
    expect(await list('admin')).toEqual([
      GUIDE_HOSTING,
      'yyyyyyy.cluster002.hosting.ovh.net',
      'zzzzzzz.cluster003.hosting.ovh.net',
    ]);
  });

  it('filters lists on IAM tags', async () => {
    const tags = encodeURIComponent(
      JSON.stringify({ environment: [{ operator: 'EQ', value: 'production' }] }),
    );
    const response = await client.call('GET', `/1.0/hosting/web?iamTags=${tags}`, {
      token: await as('admin'),
    });
    expect(response.body).toEqual(['yyyyyyy.cluster002.hosting.ovh.net']);
  });

  it("keeps one account's policies away from another account's resources", async () => {
    const response = await client.call('GET', '/1.0/hosting/web/other.cluster010.hosting.ovh.net', {
      token: await as('admin'),
    });
    expect(response.status).toBe(403);
  });

  it('checks IAM before telling whether a resource exists', async () => {
    expect(
      (
        await client.call('GET', '/1.0/hosting/web/nope.cluster001.hosting.ovh.net', {
          token: await as('guide'),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await client.call('GET', '/1.0/hosting/web/nope.cluster001.hosting.ovh.net', {
          token: await as('admin'),
        })
      ).status,
    ).toBe(404);
  });

  it('grants a call once a policy allows it, and refuses it again once the policy is deleted', async () => {
    const admin = await as('admin');
    const empty = await as('empty');
    expect((await client.call('GET', '/1.0/me', { token: empty })).status).toBe(403);
    const created = await client.call('POST', '/v2/iam/policy', {
      token: admin,
      body: {
        name: 'allow-me-get',
        identities: ['urn:v1:eu:identity:credential:xx11111-ovh/oauth2-b0b0b0b0b0b0b0b0'],
        resources: [{ urn: 'urn:v1:eu:resource:account:xx11111-ovh' }],
        permissions: { allow: [{ action: 'account:apiovh:me/get' }] },
      },
    });
    expect(created.status).toBe(200);
    const policy = created.body as { id: string; owner: string; createdAt: string };
    expect(policy.owner).toBe('xx11111-ovh');
    expect((await client.call('GET', '/1.0/me', { token: empty })).status).toBe(200);
    expect((await client.call('DELETE', `/v2/iam/policy/${policy.id}`, { token: admin })).status).toBe(200);
    expect((await client.call('GET', '/1.0/me', { token: empty })).status).toBe(403);
  });

  it('answers authorization/check per action, with no IAM action needed', async () => {
    const urn = encodeURIComponent(`urn:v1:eu:resource:webHosting:${GUIDE_HOSTING}`);
    const response = await client.call('POST', `/v2/iam/resource/${urn}/authorization/check`, {
      token: await as('guide'),
      body: { actions: ['webHosting:apiovh:get', 'webHosting:apiovh:edit', 'vps:apiovh:reboot'] },
    });
    expect(response.body).toEqual({
      authorizedActions: ['webHosting:apiovh:get', 'webHosting:apiovh:edit'],
      unauthorizedActions: ['vps:apiovh:reboot'],
    });
  });
});

describe('IAM v2 policies', () => {
  it('refuses an invalid policy with OVH-style validation errors', async () => {
    const response = await client.call('POST', '/v2/iam/policy', {
      token: await as('admin'),
      body: { name: '', identities: ['me'], resources: [], permissions: {} },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      class: 'Client::BadRequest',
      details: {
        name: expect.any(String),
        'identities[0]': expect.any(String),
        resources: expect.any(String),
        permissions: expect.any(String),
      },
    });
  });

  it('refuses a second policy with the same name', async () => {
    const token = await as('admin');
    const body = {
      name: 'Demo-service-account',
      identities: [GUIDE_IDENTITY],
      resources: [{ urn: 'urn:v1:eu:resource:webHosting:*' }],
      permissions: { allow: [{ action: 'webHosting:apiovh:get' }] },
    };
    expect((await client.call('POST', '/v2/iam/policy', { token, body })).status).toBe(409);
  });

  it('lists policies filtered by identity, resource and action', async () => {
    const token = await as('admin');
    const byIdentity = await client.call(
      'GET',
      `/v2/iam/policy?identity=${encodeURIComponent(GUIDE_IDENTITY)}`,
      { token },
    );
    expect((byIdentity.body as { name: string }[]).map((p) => p.name)).toEqual(['Demo-service-account']);
    const byAction = await client.call('GET', '/v2/iam/policy?action=account:apiovh:me/get', { token });
    expect((byAction.body as { name: string }[]).map((p) => p.name)).toEqual(['admin-everything']);
    const byResource = await client.call(
      'GET',
      `/v2/iam/policy?resourceURN=${encodeURIComponent(`urn:v1:eu:resource:webHosting:${GUIDE_HOSTING}`)}`,
      { token },
    );
    expect((byResource.body as { name: string }[]).map((p) => p.name)).toEqual([
      'Demo-service-account',
      'admin-everything',
      'contractor-2025',
      'share-hosting-with-partner',
    ]);
  });

  it('needs account:apiovh:iam/policy/get to read policies', async () => {
    const response = await client.call('GET', '/v2/iam/policy', { token: await as('guide') });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      details: { unauthorizedActionsByIAM: 'account:apiovh:iam/policy/get' },
    });
  });

  it('edits a policy with PUT', async () => {
    const token = await as('admin');
    const id = '2f8b4e52-5d2c-4b1e-9a31-1f6d2c1b7a01';
    const current = (await client.call('GET', `/v2/iam/policy/${id}`, { token })).body as Record<
      string,
      unknown
    >;
    const response = await client.call('PUT', `/v2/iam/policy/${id}`, {
      token,
      body: { ...current, description: 'edited' },
    });
    expect(response.body).toMatchObject({ description: 'edited', updatedAt: expect.any(String) });
  });

  it('pages v2 lists with X-Pagination cursors', async () => {
    const token = await as('admin');
    const first = await client.call('GET', '/v2/iam/reference/action?resourceType=webHosting', {
      token,
      headers: { 'X-Pagination-Size': '2' },
    });
    expect((first.body as unknown[]).length).toBe(2);
    const cursor = first.headers.get('x-pagination-cursor-next');
    expect(cursor).toBeTruthy();
    const second = await client.call('GET', '/v2/iam/reference/action?resourceType=webHosting', {
      token,
      headers: { 'X-Pagination-Size': '2', 'X-Pagination-Cursor': cursor ?? '' },
    });
    expect((second.body as { action: string }[])[0]?.action).not.toBe(
      (first.body as { action: string }[])[0]?.action,
    );
  });
});

describe('bad input', () => {
  it('answers 400 to malformed JSON', async () => {
    const response = await sandbox.fetch(
      new Request('http://sandbox.test/v2/iam/policy', {
        method: 'POST',
        headers: { Authorization: `Bearer ${await as('admin')}`, 'Content-Type': 'application/json' },
        body: '{"name": ',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ class: 'Client::BadRequest' });
  });

  it('answers 413 to an oversized body', async () => {
    const response = await client.call('POST', '/v2/iam/policy', {
      token: await as('admin'),
      body: { name: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});
