import { absolute, type Region } from './regions';
import type { AccessToken } from './session-store';

export type ExchangeFailure = { ok: false; status: 401 | 502 | 504; error: string; message: string };
export type ExchangeResult = { ok: true; token: AccessToken } | ExchangeFailure;

const TIMEOUT_MS = 15_000;

/**
 * OAuth2 client credentials against a region's token endpoint (OVH.md): the client authenticates in the
 * form body, as OVHcloud's guide does. Never logs or returns the secret.
 */
export async function exchangeToken(
  region: Region,
  origin: string,
  credentials: { clientId: string; clientSecret: string },
  now: () => number,
): Promise<ExchangeResult> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    scope: 'all',
  });
  let response: Response;
  try {
    response = await region.fetch(
      new Request(absolute(region.tokenUrl, origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }),
    );
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return timedOut
      ? {
          ok: false,
          status: 504,
          error: 'token_endpoint_timeout',
          message: `The ${region.label} token endpoint did not answer within ${TIMEOUT_MS / 1000} s.`,
        }
      : {
          ok: false,
          status: 502,
          error: 'token_endpoint_unreachable',
          message: `The ${region.label} token endpoint could not be reached.`,
        };
  }

  const text = await response.text();
  let payload: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      payload = parsed as Record<string, unknown>;
  } catch {
    // an HTML error page, typically: OVH's endpoint answers 5xx in HTML under load
  }
  if (!payload) {
    return {
      ok: false,
      status: 502,
      error: 'token_endpoint_error',
      message: `The ${region.label} token endpoint answered ${response.status} without JSON.`,
    };
  }
  if (typeof payload.error === 'string') {
    const message = typeof payload.error_description === 'string' ? payload.error_description : payload.error;
    // invalid_client is the user's to fix (wrong id or secret); anything else means the endpoint misbehaves.
    return payload.error === 'invalid_client'
      ? { ok: false, status: 401, error: 'invalid_client', message }
      : {
          ok: false,
          status: 502,
          error: payload.error,
          message: `The token endpoint refused the exchange: ${message}`,
        };
  }
  if (!response.ok || typeof payload.access_token !== 'string' || typeof payload.expires_in !== 'number') {
    return {
      ok: false,
      status: 502,
      error: 'token_endpoint_error',
      message: `The ${region.label} token endpoint answered ${response.status} without a token.`,
    };
  }
  return {
    ok: true,
    token: {
      value: payload.access_token,
      expiresAt: now() + payload.expires_in * 1000,
      scope: typeof payload.scope === 'string' ? payload.scope : 'all',
    },
  };
}
