import type { Sandbox } from './sandbox';

/** A tiny OVH client over a sandbox's fetch handler, for tests. */
export function sandboxClient(sandbox: Pick<Sandbox, 'fetch'>, origin = 'http://sandbox.test') {
  async function token(clientId: string, clientSecret: string): Promise<string> {
    const response = await sandbox.fetch(
      new Request(`${origin}/auth/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'all',
        }),
      }),
    );
    if (!response.ok) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function call(
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await sandbox.fetch(
      new Request(`${origin}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  }

  return { token, call };
}

/** The seeded demo credentials (sandbox-only values, listed in the README). */
export const DEMO = {
  guide: { clientId: '0f0f0f0f0f0f0f0f', clientSecret: 'xxxxx' },
  admin: { clientId: 'a0a0a0a0a0a0a0a0', clientSecret: 'admin-demo-secret' },
  empty: { clientId: 'b0b0b0b0b0b0b0b0', clientSecret: 'empty-demo-secret' },
} as const;

export const GUIDE_HOSTING = 'xxxxxxx.cluster001.hosting.ovh.net';
export const GUIDE_IDENTITY = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
