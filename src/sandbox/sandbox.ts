import { Hono } from 'hono';
import { pathParameterNames } from '../domain/catalog/path-template';
import type { Branch } from '../domain/catalog/types';
import { actionResourceType } from '../domain/iam/resource';
import { resourceUrn } from '../domain/urn/urn';
import { authBehaviours } from './behaviours/auth';
import type { BehaviourTable } from './behaviours/behaviour';
import { dedicatedServerBehaviours } from './behaviours/dedicated-server';
import { domainBehaviours } from './behaviours/domain';
import { hostingWebBehaviours } from './behaviours/hosting-web';
import { iamBehaviours } from './behaviours/iam';
import { listResources } from './behaviours/listing';
import { meBehaviours } from './behaviours/me';
import { vpsBehaviours } from './behaviours/vps';
import { vrackServicesBehaviours } from './behaviours/vrack-services';
import { vrackBehaviours } from './behaviours/vrack';
import { decide, requiredTargets, type CallContext, type Caller } from './call-context';
import { buildCatalog, type SandboxCatalog, type SavedSection } from './catalog/catalog';
import { faultResponse, findFault, FaultSpecError, validateFault, type FaultRule } from './faults';
import { forbidden, json, ovhError, queryId } from './responses';
import { loadDefaultSeed, type Seed } from './seed/seed';
import { authenticateSigned, routeAllowed, usesSignedAuth } from './signed-auth';
import { createState, type SandboxState } from './state';
import { handleTokenRequest } from './token-endpoint';

export type SandboxOptions = {
  seed?: Seed;
  /** schema documents saved from OVH, merged over the built-in sections (--schemas) */
  savedSections?: readonly SavedSection[];
  /** saved root listings (`DIR/1.0/index.json`), served instead of the listing built from the sections */
  savedListings?: Partial<Record<Branch, string>>;
  /** where the sandbox is mounted, e.g. `/sandbox` inside the app's server; '' standalone */
  basePath?: string;
  /** access token lifetime; OVH's is 3599 s */
  tokenLifetimeSeconds?: number;
  now?: () => number;
  /**
   * Take the caller's IP (for `request.IP` conditions) from `X-Forwarded-For` even when the socket's address
   * is known: lets tests and demos pretend to call from elsewhere. Without a socket (in-process), it is used anyway.
   */
  trustForwardedFor?: boolean;
  /** injected faults (off when empty) */
  faults?: readonly FaultRule[];
  /** exposes /_sandbox/faults and /_sandbox/reset; off by default, the endpoints do not exist then */
  admin?: boolean;
  random?: () => number;
};

export type Sandbox = {
  /** `env` is what @hono/node-server passes: the socket gives the caller's IP */
  fetch: (request: Request, env?: NodeEnv) => Promise<Response>;
  /** the live state (replaced by a reset) */
  readonly state: SandboxState;
  catalog: SandboxCatalog;
  /** the fault rules in force; replace the array to change them */
  faults: FaultRule[];
  reset: () => void;
};

const BEHAVIOURS: BehaviourTable = {
  ...authBehaviours,
  ...meBehaviours,
  ...hostingWebBehaviours,
  ...domainBehaviours,
  ...vpsBehaviours,
  ...dedicatedServerBehaviours,
  ...vrackBehaviours,
  ...iamBehaviours,
  ...vrackServicesBehaviours,
};

const MAX_BODY_BYTES = 1024 * 1024;

export type NodeEnv = { incoming?: { socket?: { remoteAddress?: string } } };

function socketAddress(env: unknown): string | undefined {
  const address = (env as NodeEnv | undefined)?.incoming?.socket?.remoteAddress;
  return address?.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

const BRANCHES: Record<string, Branch> = { '1.0': 'v1', v1: 'v1', v2: 'v2' };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const seed = options.seed ?? loadDefaultSeed();
  let state = createState(seed);
  const catalog = buildCatalog(options.savedSections);
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const basePath = options.basePath ?? '';
  const random = options.random ?? Math.random;

  const sandbox: Sandbox = {
    fetch: async (request, env) => app.fetch(request, env),
    get state() {
      return state;
    },
    catalog,
    faults: [...(options.faults ?? [])],
    reset: () => {
      state = createState(seed);
    },
  };

  const app = new Hono().basePath(basePath || '/');

  app.use(async (c, next) => {
    const path = new URL(c.req.url).pathname.slice(basePath.length) || '/';
    const fault = path.startsWith('/_sandbox/')
      ? undefined
      : findFault(sandbox.faults, c.req.method, path, random);
    if (fault?.latencyMs) await delay(fault.latencyMs);
    if (fault?.status !== undefined) c.res = faultResponse({ ...fault, status: fault.status }, path);
    else await next();
    c.res.headers.set('X-Ovh-QueryID', queryId());
  });
  app.onError((error) => {
    console.error('sandbox: unexpected error', error);
    return ovhError(500, 'Server::InternalServerError', 'Internal server error');
  });

  app.all('/auth/oauth2/token', (c) =>
    handleTokenRequest(c.req.raw, { state, lifetimeSeconds: lifetime, now }),
  );

  if (options.admin) {
    app.get('/_sandbox/faults', () => json(sandbox.faults));
    app.put('/_sandbox/faults', async (c) => {
      try {
        const body: unknown = await c.req.json();
        const rules = Array.isArray(body) ? body : (body as { rules?: unknown })?.rules;
        if (!Array.isArray(rules)) throw new FaultSpecError('send a list of fault rules');
        sandbox.faults = rules.map(validateFault);
        return json(sandbox.faults);
      } catch (error) {
        return ovhError(
          400,
          'Client::BadRequest',
          error instanceof FaultSpecError ? error.message : 'Send JSON: a list of fault rules',
        );
      }
    });
    app.delete('/_sandbox/faults', () => {
      sandbox.faults = [];
      return json(sandbox.faults);
    });
    app.post('/_sandbox/reset', () => {
      sandbox.reset();
      return json({ message: 'State reset to the seed' });
    });
  }

  // Routed by hand rather than with Hono patterns: OVH paths carry URNs, whose colons and escapes
  // (`/v2/iam/resource/urn%3Av1%3Aeu…`) Hono's pattern router does not match.
  app.all('*', (c) => {
    const url = new URL(c.req.url);
    const match = /^\/(1\.0|v1|v2)(\/.*)?$/.exec(url.pathname.slice(basePath.length));
    const prefix = match?.[1];
    const branch = prefix ? BRANCHES[prefix] : undefined;
    if (!prefix || !branch || !url.pathname.startsWith(basePath))
      return ovhError(404, 'Client::NotFound', 'Got an invalid (or empty) URL');
    const path = match[2] || '/';
    const apiBase = `${url.origin}${basePath}/${prefix}`;
    if (c.req.method === 'GET' && path === '/') return rootListing(branch, apiBase);
    if (c.req.method === 'GET' && path.endsWith('.json')) {
      const section = catalog.section(branch, path.slice(0, -'.json'.length));
      if (section)
        return new Response(section.render(apiBase), {
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        });
    }
    return dispatch(c.req.raw, branch, path, url, socketAddress(c.env));
  });

  function rootListing(branch: Branch, apiBase: string): Response {
    const saved = options.savedListings?.[branch];
    if (saved) return new Response(saved, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    const apis = catalog.sections(branch).map((s) => ({
      path: s.path,
      schema: '{path}.{format}',
      format: ['json', 'yaml'],
      description: s.description,
    }));
    return json({ apis, basePath: apiBase });
  }

  function authenticateBearer(request: Request): Caller | Response {
    const header = request.headers.get('authorization');
    if (!header) return ovhError(401, 'Client::Unauthorized', 'You must login first');
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const issued = token ? state.tokens.get(token) : undefined;
    if (!token || !issued) return ovhError(401, 'Client::Unauthorized', 'This credential is not valid');
    if (issued.expiresAt <= now())
      return ovhError(401, 'Client::Unauthorized', 'This credential has expired');
    const client = state.serviceAccounts.get(issued.clientId);
    if (!client) return ovhError(401, 'Client::Unauthorized', 'This credential is not valid');
    return {
      account: client.account,
      identities: [client.identity],
      method: 'oauth2_client_credentials',
      clientId: client.clientId,
      description: client.description,
      token,
    };
  }

  async function readBodyText(request: Request): Promise<string | Response> {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') return '';
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES)
      return ovhError(413, 'Client::RequestEntityTooLarge', 'Request entity too large');
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES)
      return ovhError(413, 'Client::RequestEntityTooLarge', 'Request entity too large');
    return text;
  }

  async function dispatch(
    request: Request,
    branch: Branch,
    path: string,
    url: URL,
    socketIp: string | undefined,
  ): Promise<Response> {
    const match = catalog.match(branch, request.method, path);
    if (match.kind === 'no-route') return ovhError(404, 'Client::NotFound', 'Got an invalid (or empty) URL');
    if (match.kind === 'method-not-allowed') {
      return ovhError(
        405,
        'Client::MethodNotAllowed',
        `Received not described method "${request.method}" on path "${path}"`,
      );
    }
    const { operation, params } = match;

    const text = await readBodyText(request);
    if (text instanceof Response) return text;

    let caller: Caller | undefined;
    if (!operation.noAuthentication) {
      const authenticated = usesSignedAuth(request)
        ? await authenticateSigned(request, text, state, now())
        : authenticateBearer(request);
      if (authenticated instanceof Response) return authenticated;
      caller = authenticated;
    }

    let body: unknown;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return ovhError(
          400,
          'Client::BadRequest',
          'Received not JSON body: the request body must be valid JSON',
        );
      }
    }

    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined;
    const ip = (options.trustForwardedFor || !socketIp ? forwarded : undefined) ?? socketIp ?? '127.0.0.1';
    const ctx: CallContext = {
      request,
      state,
      catalog,
      operation,
      params,
      query: url.searchParams,
      body,
      caller,
      now: new Date(now()),
      ip,
    };

    if (caller) {
      // A consumer key's access rules come first: no policy can lift them (our modelling of
      // unauthorizedActionsByAuthentication, which OVH does not document).
      if (caller.accessRules && !routeAllowed(caller.accessRules, request.method, path)) {
        const actions = operation.iamActions.filter((a) => a.required).map((a) => a.name);
        return ovhError(403, 'Client::Forbidden', 'This call has not been granted', {
          unauthorizedActionsByAuthentication: actions.join(','),
          unauthorizedActionsByIAM: '',
        });
      }
      // Every required action, each on its own resource; all refusals are reported together.
      const refused = requiredTargets(ctx).filter(
        ({ action, resourceUrn }) => decide(ctx, action, resourceUrn).outcome !== 'allow',
      );
      if (refused.length > 0) return forbidden([...new Set(refused.map((r) => r.action))]);
    }

    const behaviour = BEHAVIOURS[`${branch} ${operation.id}`];
    if (behaviour) return behaviour(ctx);
    return unsimulated(ctx);
  }

  /**
   * An operation the sandbox has no behaviour for (typically from a saved catalogue): after authentication
   * and IAM, answer what OVH plausibly would, never a crash.
   */
  function unsimulated(ctx: CallContext): Response {
    const { operation } = ctx;
    const primary = operation.iamActions.find((a) => a.required);
    const type = primary ? actionResourceType(primary.name) : undefined;
    const names = pathParameterNames(operation.path);
    if (type && type !== 'account' && primary) {
      if (names.length === 0 && operation.method === 'GET' && operation.responseType.endsWith('[]')) {
        return listResources(ctx, type, primary.name);
      }
      const first = ctx.params[names[0] ?? ''];
      if (first && !state.resources.has(resourceUrn(state.plate, type, first))) {
        return ovhError(404, 'Client::NotFound', 'This service does not exist');
      }
    }
    return ovhError(
      501,
      'Server::NotImplemented',
      `The sandbox does not simulate ${operation.method} ${operation.path}; authentication and IAM were checked`,
    );
  }

  return sandbox;
}
