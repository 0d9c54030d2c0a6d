import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox';
import { DEMO } from './testing';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox();
});

function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  return sandbox.fetch(
    new Request('http://sandbox.test/auth/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    }),
  );
}

const basic = (id: string, secret: string) => ({ Authorization: `Basic ${btoa(`${id}:${secret}`)}` });

describe('the token endpoint', () => {
  it("issues a token to the guide's service account authenticated in the form, like the guide's curl", async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: '0f0f0f0f0f0f0f0f',
      client_secret: 'xxxxx',
      scope: 'all',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3599,
      scope: 'all',
    });
  });

  it('issues a token to a client authenticated with HTTP Basic, like python-ovh and node-ovh', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'all' },
      basic(DEMO.admin.clientId, DEMO.admin.clientSecret),
    );
    expect(response.status).toBe(200);
  });

  it("answers OVH's invalid_client for a wrong secret or an unknown client", async () => {
    for (const [id, secret] of [
      ['0f0f0f0f0f0f0f0f', 'wrong'],
      ['ffffffffffffffff', 'xxxxx'],
    ] as const) {
      const response = await tokenRequest({
        grant_type: 'client_credentials',
        client_id: id,
        client_secret: secret,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'invalid_client',
        error_description: 'ovhcloud oauth2 client does not exists',
      });
    }
    const viaBasic = await tokenRequest(
      { grant_type: 'client_credentials' },
      basic('0f0f0f0f0f0f0f0f', 'nope'),
    );
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.headers.get('www-authenticate')).toContain('Basic');
  });

  it('refuses other grant types with unsupported_grant_type', async () => {
    const response = await tokenRequest({
      grant_type: 'password',
      client_id: '0f0f0f0f0f0f0f0f',
      client_secret: 'xxxxx',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refuses a request without grant_type, in JSON, or with two client authentications, with invalid_request', async () => {
    const noGrant = await tokenRequest({ client_id: '0f0f0f0f0f0f0f0f', client_secret: 'xxxxx' });
    expect(await noGrant.json()).toMatchObject({ error: 'invalid_request' });
    const asJson = await sandbox.fetch(
      new Request('http://sandbox.test/auth/oauth2/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      }),
    );
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toMatchObject({ error: 'invalid_request' });
    const both = await tokenRequest(
      { grant_type: 'client_credentials', client_id: '0f0f0f0f0f0f0f0f', client_secret: 'xxxxx' },
      basic('0f0f0f0f0f0f0f0f', 'xxxxx'),
    );
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a client without credentials with invalid_client', async () => {
    const response = await tokenRequest({ grant_type: 'client_credentials' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a scope other than all', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: '0f0f0f0f0f0f0f0f',
      client_secret: 'xxxxx',
      scope: 'openid',
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
  });
});
