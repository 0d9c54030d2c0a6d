import type { SandboxState } from './state';
import { randomToken } from './state';

/**
 * OAuth2 client credentials, as OVH's token endpoint (OVH.md) and RFC 6749 §4.4 and §5.2 describe them.
 * The client authenticates with `client_id`/`client_secret` in the form (the guide's curl) or with HTTP Basic
 * (python-ovh, node-ovh); using both at once is refused, as RFC 6749 §2.3 requires.
 */
export type TokenOptions = {
  state: SandboxState;
  lifetimeSeconds: number;
  now: () => number;
};

function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      ...headers,
    },
  });
}

function basicCredentials(header: string | null): { id: string; secret: string } | 'malformed' | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!match?.[1]) return header.toLowerCase().startsWith('basic') ? 'malformed' : undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return 'malformed';
  }
  const colon = decoded.indexOf(':');
  if (colon === -1) return 'malformed';
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being base64-encoded.
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

export async function handleTokenRequest(request: Request, options: TokenOptions): Promise<Response> {
  if (request.method !== 'POST') {
    return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST', { Allow: 'POST' });
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(await request.text());
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant_type parameter');
  if (grantType !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `Unsupported grant_type "${grantType}": use client_credentials`,
    );
  }
  const scope = form.get('scope');
  if (scope !== null && scope !== 'all') {
    return oauthError(
      400,
      'invalid_scope',
      `Unknown scope "${scope}": OVHcloud service accounts use scope=all`,
    );
  }

  const basic = basicCredentials(request.headers.get('authorization'));
  const inForm = form.has('client_id') || form.has('client_secret');
  if (basic === 'malformed') {
    return oauthError(401, 'invalid_client', 'Malformed HTTP Basic client authentication', {
      'WWW-Authenticate': 'Basic realm="ovhcloud"',
    });
  }
  if (basic && inForm) {
    return oauthError(
      400,
      'invalid_request',
      'Authenticate the client with HTTP Basic or with the form, not both',
    );
  }
  const id = basic ? basic.id : form.get('client_id');
  const secret = basic ? basic.secret : form.get('client_secret');
  if (!id || !secret) {
    return oauthError(
      401,
      'invalid_client',
      'Missing client credentials',
      basic ? { 'WWW-Authenticate': 'Basic realm="ovhcloud"' } : {},
    );
  }

  const client = options.state.serviceAccounts.get(id);
  if (!client || !constantTimeEqual(client.clientSecret, secret)) {
    // OVH answers the same for an unknown client and a wrong secret.
    return oauthError(
      401,
      'invalid_client',
      'ovhcloud oauth2 client does not exists',
      basic ? { 'WWW-Authenticate': 'Basic realm="ovhcloud"' } : {},
    );
  }

  const token = randomToken();
  const now = options.now();
  pruneExpired(options.state, now);
  options.state.tokens.set(token, { clientId: id, expiresAt: now + options.lifetimeSeconds * 1000 });
  return new Response(
    JSON.stringify({
      access_token: token,
      token_type: 'Bearer',
      expires_in: options.lifetimeSeconds,
      scope: 'all',
    }),
    {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    },
  );
}

function pruneExpired(state: SandboxState, now: number): void {
  for (const [token, issued] of state.tokens) {
    if (issued.expiresAt <= now) state.tokens.delete(token);
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let diff = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}
