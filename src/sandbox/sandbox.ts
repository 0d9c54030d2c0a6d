import { Hono } from 'hono';
import type { Branch } from '../domain/catalog/types';
import { pathParameterNames } from '../domain/catalog/path-template';
import { actionResourceType } from '../domain/iam/resource';
import { resourceUrn } from '../domain/urn/urn';
import { authBehaviours } from './behaviours/auth';
import type { BehaviourTable } from './behaviours/behaviour';
import { domainBehaviours } from './behaviours/domain';
import { hostingWebBehaviours } from './behaviours/hosting-web';
import { iamBehaviours } from './behaviours/iam';
import { listResources } from './behaviours/listing';
import { meBehaviours } from './behaviours/me';
import { decide, requiredTargets, type CallContext, type Caller } from './call-context';
import { buildCatalog, type SandboxCatalog, type SavedSection } from './catalog/catalog';
import { forbidden, json, ovhError, queryId } from './responses';
import { loadDefaultSeed, type Seed } from './seed/seed';
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
  /** the caller's IP, for `request.IP` conditions; `X-Forwarded-For` is used when this gives none */
  clientIp?: (request: Request) => string | undefined;
};

export type Sandbox = {
  fetch: (request: Request) => Promise<Response>;
  state: SandboxState;
  catalog: SandboxCatalog;
};

const BEHAVIOURS: BehaviourTable = {
  ...authBehaviours,
  ...meBehaviours,
  ...hostingWebBehaviours,
  ...domainBehaviours,
  ...iamBehaviours,
};

const MAX_BODY_BYTES = 1024 * 1024;

const BRANCHES: Record<string, Branch> = { '1.0': 'v1', v1: 'v1', v2: 'v2' };

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const state = createState(options.seed ?? loadDefaultSeed());
  const catalog = buildCatalog(options.savedSections);
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const basePath = options.basePath ?? '';

  const app = new Hono().basePath(basePath || '/');

  app.use(async (c, next) => {
    await next();
    c.res.headers.set('X-Ovh-QueryID', queryId());
  });
  app.onError((error) => {
    console.error('sandbox: unexpected error', error);
    return ovhError(500, 'Server::InternalServerError', 'Internal server error');
  });

  app.all('/auth/oauth2/token', (c) =>
    handleTokenRequest(c.req.raw, { state, lifetimeSeconds: lifetime, now }),
  );

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
    return dispatch(c.req.raw, branch, path, url);
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

  function authenticate(request: Request): Caller | Response {
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

  async function readBody(request: Request): Promise<{ body: unknown } | Response> {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE')
      return { body: undefined };
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES)
      return ovhError(413, 'Client::RequestEntityTooLarge', 'Request entity too large');
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES)
      return ovhError(413, 'Client::RequestEntityTooLarge', 'Request entity too large');
    if (text.trim() === '') return { body: undefined };
    try {
      return { body: JSON.parse(text) as unknown };
    } catch {
      return ovhError(
        400,
        'Client::BadRequest',
        'Received not JSON body: the request body must be valid JSON',
      );
    }
  }

  async function dispatch(request: Request, branch: Branch, path: string, url: URL): Promise<Response> {
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

    let caller: Caller | undefined;
    if (!operation.noAuthentication) {
      const authenticated = authenticate(request);
      if (authenticated instanceof Response) return authenticated;
      caller = authenticated;
    }
    const read = await readBody(request);
    if (read instanceof Response) return read;

    const ip =
      options.clientIp?.(request) ??
      request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ??
      '127.0.0.1';
    const ctx: CallContext = {
      request,
      state,
      catalog,
      operation,
      params,
      query: url.searchParams,
      body: read.body,
      caller,
      now: new Date(now()),
      ip,
    };

    if (caller) {
      // Every required action, each on its own resource; all refusals are reported together, as OVH does.
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

  return { fetch: async (request) => app.fetch(request), state, catalog };
}
