import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { faultsFromEnv } from '../sandbox/faults';
import { createSandbox, type NodeEnv } from '../sandbox/sandbox';
import { loadSavedSchemas } from '../sandbox/saved-schemas';
import { createBackend } from './app';
import { createRegions } from './regions';
import { hasDotSegments } from './security';

/** Content-Security-Policy of the SPA: only our own code; Monaco needs inline styles and its workers. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export type ServerOptions = {
  port: number;
  host: string;
  /** built SPA; absent in tests of the API alone */
  distDir?: string;
  env: Record<string, string | undefined>;
};

export async function createServerApp(options: Pick<ServerOptions, 'distDir' | 'env'>) {
  const schemasDir = options.env.OVH_SANDBOX_SCHEMAS;
  const saved = schemasDir ? await loadSavedSchemas(resolve(schemasDir)) : undefined;
  const sandbox = createSandbox({
    basePath: '/sandbox',
    savedSections: saved?.sections,
    savedListings: saved?.listings,
    tokenLifetimeSeconds: options.env.OVH_SANDBOX_TOKEN_LIFETIME
      ? Number(options.env.OVH_SANDBOX_TOKEN_LIFETIME)
      : undefined,
    faults: faultsFromEnv(options.env.OVH_SANDBOX_FAULTS),
    admin: options.env.OVH_SANDBOX_ADMIN === '1',
  });
  const demoAccounts = [...sandbox.state.serviceAccounts.values()].map((account) => ({
    clientId: account.clientId,
    clientSecret: account.clientSecret,
    label: account.name,
    description: account.description,
  }));
  const regions = createRegions({
    sandbox: { fetch: sandbox.fetch, mountPath: '/sandbox', plate: sandbox.state.plate, demoAccounts },
    env: options.env,
  });
  const backend = createBackend({
    regions,
    allowedOrigins: (options.env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  });

  const app = new Hono();
  app.route('/', backend);
  // The in-process sandbox is reachable directly too, so that curl and SDKs can use the same one.
  app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env as NodeEnv));

  const dist = options.distDir;
  if (dist && existsSync(resolve(dist, 'index.html'))) {
    const indexHtml = readFileSync(resolve(dist, 'index.html'), 'utf8');
    app.use('*', async (c, next) => {
      await next();
      c.header('Content-Security-Policy', CSP);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Referrer-Policy', 'no-referrer');
      c.header('X-Frame-Options', 'DENY');
    });
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite fingerprints asset names: they never change.
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: dist }));
    // Deep links: every other GET is the app itself.
    app.get('*', (c) => c.html(indexHtml, 200, { 'Cache-Control': 'no-cache' }));
  }
  return { app, sandbox, savedSections: saved?.sections.length ?? 0 };
}

/**
 * The Node HTTP server around a fetch-style app. Dot segments are refused here, on the raw request-target:
 * past this point URLs are normalised and `/api/ovh/eu/1.0/x/../me` would silently become `/me`.
 */
export function createNodeServer(fetch: (request: Request) => Response | Promise<Response>): Server {
  const listener = getRequestListener(fetch);
  return createServer((req, res) => {
    if (hasDotSegments(req.url ?? '/')) {
      res.writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ error: 'invalid_path', message: 'Paths must not contain . or .. segments.' }));
      return;
    }
    void listener(req, res);
  });
}

export async function startServer(options: ServerOptions) {
  const started = performance.now();
  const { app, savedSections } = await createServerApp(options);
  const server = createNodeServer(app.fetch);
  await new Promise<void>((ready, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, ready);
  });
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  console.log(`OVHcloud API explorer: ${url}`);
  console.log(`  sandbox region: ${url}/sandbox/1.0 (token URL ${url}/sandbox/auth/oauth2/token)`);
  if (savedSections)
    console.log(
      `  sandbox serves ${savedSections} saved sections (${Math.round(performance.now() - started)} ms)`,
    );
  return server;
}
