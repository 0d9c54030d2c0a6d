import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { callUpstream } from './proxy';
import { absolute, type PublicRegion, type Region } from './regions';
import { BRANCH_PREFIXES, checkApiPath, checkOrigin, type BranchPrefix } from './security';
import {
  createMemorySessionStore,
  type Credential,
  type Identity,
  type Session,
  type SessionStore,
  type Slot,
} from './session-store';
import { exchangeToken } from './token-exchange';
import { createTokenManager } from './token-manager';

export type BackendOptions = {
  regions: readonly Region[];
  store?: SessionStore;
  now?: () => number;
  /** origins besides the server's own that may send state-changing requests (a dev server, say) */
  allowedOrigins?: readonly string[];
  /** largest request body the proxy forwards */
  maxBodyBytes?: number;
  upstreamTimeoutMs?: number;
};

const SESSION_COOKIE = 'ovhx_session';
const PROXY_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
const MAX_SESSION_BODY = 16 * 1024;
/** A proxied call made with the helper account says so in this header (custom headers never cross origins). */
const SLOT_HEADER = 'x-explorer-as';

type ApiError = { status: number; error: string; message: string };

function fail(c: Context, { status, error, message }: ApiError): Response {
  return c.json({ error, message }, status as 400);
}

function cookieName(c: Context): string {
  // The __Host- prefix pins the cookie to this host and path, but browsers only accept it over https.
  return isHttps(c) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

const credentialView = (credential: Credential) => ({
  clientId: credential.clientId,
  scope: credential.token.scope,
  expiresAt: new Date(credential.token.expiresAt).toISOString(),
  identity: credential.identity,
});

/** What the browser may know of a session: never the secret, never a token. */
function sessionView(session: Session) {
  return {
    region: session.region,
    ...credentialView(session.primary),
    helper: session.helper ? credentialView(session.helper) : null,
  };
}

function randomId(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function readLimited(request: Request, limit: number): Promise<ArrayBuffer | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return 'too-large';
  const body = await request.arrayBuffer();
  return body.byteLength > limit ? 'too-large' : body;
}

type CredentialsInput = { region?: unknown; clientId: string; clientSecret: string };

/** Reads and checks `{region?, clientId, clientSecret}` from a JSON request. */
async function readCredentials(c: Context): Promise<CredentialsInput | ApiError> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { status: 400, error: 'invalid_request', message: 'Send the credentials as JSON.' };
  }
  const raw = await readLimited(c.req.raw, MAX_SESSION_BODY);
  if (raw === 'too-large')
    return { status: 413, error: 'payload_too_large', message: 'The request is too large.' };
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return { status: 400, error: 'invalid_request', message: 'The request body is not valid JSON.' };
  }
  const { region, clientId, clientSecret } = (input ?? {}) as Record<string, unknown>;
  if (typeof clientId !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(clientId)) {
    return {
      status: 400,
      error: 'invalid_client_id',
      message: 'The client ID is required (printable characters, no spaces).',
    };
  }
  if (typeof clientSecret !== 'string' || clientSecret.length === 0 || clientSecret.length > 1024) {
    return { status: 400, error: 'invalid_client_secret', message: 'The client secret is required.' };
  }
  return { region, clientId, clientSecret };
}

export function createBackend(options: BackendOptions): Hono {
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemorySessionStore({ now });
  const tokens = createTokenManager({ store, now });
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const timeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const regionById = new Map(options.regions.map((r) => [r.id as string, r]));
  const app = new Hono();

  app.use('/api/*', async (c, next) => {
    const refusal = checkOrigin(c.req.raw, new URL(c.req.url).origin, options.allowedOrigins ?? []);
    if (refusal) return fail(c, refusal);
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.onError((error, c) => {
    // Never log the request itself: it may carry a secret.
    console.error(
      `backend: unexpected error on ${c.req.method} ${new URL(c.req.url).pathname}:`,
      error.message,
    );
    return fail(c, { status: 500, error: 'internal_error', message: 'Unexpected server error.' });
  });

  async function currentSession(c: Context): Promise<Session | undefined> {
    const id = getCookie(c, cookieName(c));
    return id ? store.get(id) : undefined;
  }

  /** Exchanges the credentials and asks the region who they are: a Credential, or why not. */
  async function signIn(
    region: Region,
    origin: string,
    input: CredentialsInput,
  ): Promise<Credential | ApiError> {
    const exchanged = await exchangeToken(region, origin, input, now);
    if (!exchanged.ok) return exchanged;
    const identity = await fetchIdentity(region, origin, exchanged.token.value);
    if ('error' in identity) return identity;
    return { clientId: input.clientId, clientSecret: input.clientSecret, identity, token: exchanged.token };
  }

  app.get('/api/regions', (c) => {
    const origin = new URL(c.req.url).origin;
    const regions: PublicRegion[] = options.regions.map((r) => ({
      id: r.id,
      label: r.label,
      apiBase: absolute(r.apiBase, origin),
      tokenUrl: absolute(r.tokenUrl, origin),
      ...(r.demoAccounts ? { demoAccounts: r.demoAccounts } : {}),
    }));
    return c.json(regions);
  });

  app.post('/api/session', async (c) => {
    const input = await readCredentials(c);
    if ('error' in input) return fail(c, input);
    const region = typeof input.region === 'string' ? regionById.get(input.region) : undefined;
    if (!region) {
      return fail(c, {
        status: 400,
        error: 'invalid_region',
        message: `Unknown region; use one of ${[...regionById.keys()].join(', ')}.`,
      });
    }
    const primary = await signIn(region, new URL(c.req.url).origin, input);
    if ('error' in primary) return fail(c, primary);

    const previous = getCookie(c, cookieName(c));
    if (previous) await store.delete(previous);
    const session: Session = { id: randomId(), region: region.id, primary, createdAt: now() };
    await store.set(session);
    setCookie(c, cookieName(c), session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
      path: '/',
    });
    return c.json(sessionView(session), 201);
  });

  app.get('/api/session', async (c) => {
    const session = await currentSession(c);
    if (!session) return fail(c, { status: 401, error: 'no_session', message: 'Not signed in.' });
    return c.json(sessionView(session));
  });

  app.delete('/api/session', async (c) => {
    const session = await currentSession(c);
    if (session) await store.delete(session.id);
    deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
    return c.body(null, 204);
  });

  /**
   * The helper account of a session (in its region): one that may read or write policies, used to explain a
   * 403 and to create the policy that fixes it, while calls keep going out as the explored identity.
   */
  app.post('/api/session/helper', async (c) => {
    const session = await currentSession(c);
    if (!session)
      return fail(c, {
        status: 401,
        error: 'no_session',
        message: 'Sign in first: the helper joins a session.',
      });
    const input = await readCredentials(c);
    if ('error' in input) return fail(c, input);
    const region = regionById.get(session.region);
    if (!region)
      return fail(c, {
        status: 400,
        error: 'invalid_region',
        message: 'The session’s region no longer exists.',
      });
    const helper = await signIn(region, new URL(c.req.url).origin, input);
    if ('error' in helper) return fail(c, helper);
    const updated: Session = { ...((await store.get(session.id)) ?? session), helper };
    await store.set(updated);
    return c.json(sessionView(updated), 201);
  });

  app.delete('/api/session/helper', async (c) => {
    const session = await currentSession(c);
    if (session?.helper) {
      const { helper: _removed, ...rest } = session;
      await store.set(rest);
    }
    return c.body(null, 204);
  });

  app.all('/api/ovh/*', async (c) => {
    const url = new URL(c.req.url);
    const [regionId = '', branch = '', ...rest] = url.pathname.slice('/api/ovh/'.length).split('/');
    const region = regionById.get(regionId);
    if (!region)
      return fail(c, { status: 404, error: 'unknown_region', message: `Unknown region "${regionId}".` });
    if (!(BRANCH_PREFIXES as readonly string[]).includes(branch)) {
      return fail(c, {
        status: 404,
        error: 'unknown_branch',
        message: 'The API branch is one of 1.0, v1 and v2.',
      });
    }
    const path = `/${rest.join('/')}`;
    const refusal = checkApiPath(path);
    if (refusal) return fail(c, refusal);
    if (!PROXY_METHODS.has(c.req.method)) {
      return fail(c, {
        status: 405,
        error: 'method_not_allowed',
        message: `${c.req.method} is not an OVHcloud API method.`,
      });
    }
    const slotHeader = c.req.header(SLOT_HEADER);
    if (slotHeader !== undefined && slotHeader !== 'helper') {
      return fail(c, {
        status: 400,
        error: 'invalid_request',
        message: `${SLOT_HEADER} is "helper" or absent.`,
      });
    }
    const slot: Slot = slotHeader === 'helper' ? 'helper' : 'primary';
    let body: ArrayBuffer | undefined;
    if (c.req.method !== 'GET' && c.req.method !== 'DELETE') {
      const read = await readLimited(c.req.raw, maxBody);
      if (read === 'too-large') {
        return fail(c, {
          status: 413,
          error: 'payload_too_large',
          message: `Request bodies are limited to ${Math.round(maxBody / 1024)} KiB.`,
        });
      }
      body = read.byteLength > 0 ? read : undefined;
    }

    const origin = url.origin;
    let session = await currentSession(c);
    if (session?.region !== region.id) session = undefined;
    if (slot === 'helper' && !session?.helper) {
      return fail(c, {
        status: 401,
        error: 'no_helper',
        message: 'No helper account is signed in for this region.',
      });
    }
    let auth: 'none' | 'session' | 'renewed' = 'none';
    if (session) {
      const before = session[slot]?.token.value;
      const fresh = await tokens.tokenFor(session, slot, region, origin);
      if ('error' in fresh) return sessionLost(c, fresh, slot);
      session = fresh;
      auth = session[slot]?.token.value === before ? 'session' : 'renewed';
    }
    const call = {
      region,
      origin,
      branch: branch as BranchPrefix,
      path,
      search: url.search,
      method: c.req.method,
      headers: c.req.raw.headers,
      body,
      timeoutMs,
    };
    let response = await callUpstream({ ...call, accessToken: session?.[slot]?.token.value });
    // A 401 with a token we believed valid (revoked, or the upstream restarted): exchange once more, retry once.
    if (session && !('error' in response) && response.status === 401) {
      const renewed = await tokens.tokenFor(session, slot, region, origin, { force: true });
      if ('error' in renewed) return sessionLost(c, renewed, slot);
      // Drain the refused answer (cancelling an intercepted body can stall) before calling again.
      await response.arrayBuffer().catch(() => undefined);
      response = await callUpstream({ ...call, accessToken: renewed[slot]?.token.value });
      auth = 'renewed';
    }
    if ('error' in response) return fail(c, response);
    response.headers.set('X-Explorer-Auth', auth);
    return response;
  });

  /** The credentials no longer work: forget them rather than retry with them forever. */
  async function sessionLost(c: Context, failure: ApiError, slot: Slot): Promise<Response> {
    if (failure.status !== 401) return fail(c, failure);
    const session = await currentSession(c);
    if (slot === 'helper') {
      if (session) {
        const { helper: _removed, ...rest } = session;
        await store.set(rest);
      }
      return fail(c, {
        status: 401,
        error: 'helper_expired',
        message: `The helper account's token could not be renewed (${failure.message}). Sign it in again.`,
      });
    }
    if (session) await store.delete(session.id);
    deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
    return fail(c, {
      status: 401,
      error: 'session_expired',
      message: `The token could not be renewed (${failure.message}). Sign in again.`,
    });
  }

  app.all('/api/*', (c) => fail(c, { status: 404, error: 'not_found', message: 'No such API endpoint.' }));

  return app;
}

async function fetchIdentity(region: Region, origin: string, token: string): Promise<Identity | ApiError> {
  const unavailable = (detail: string): ApiError => ({
    status: 502,
    error: 'identity_unavailable',
    message: `Signed in, but ${region.label} did not say who this is (${detail}).`,
  });
  let response: Response;
  try {
    response = await region.fetch(
      new Request(`${absolute(region.apiBase, origin)}/1.0/auth/details`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      }),
    );
  } catch {
    return unavailable('unreachable');
  }
  if (!response.ok) return unavailable(`GET /auth/details answered ${response.status}`);
  try {
    const details = (await response.json()) as { account?: unknown; method?: unknown; identities?: unknown };
    if (typeof details.account !== 'string' || !Array.isArray(details.identities))
      return unavailable('unexpected answer');
    return {
      account: details.account,
      method: typeof details.method === 'string' ? details.method : 'unknown',
      urns: details.identities.filter((urn): urn is string => typeof urn === 'string'),
    };
  } catch {
    return unavailable('not JSON');
  }
}
