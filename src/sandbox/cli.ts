/**
 * Standalone sandbox: `npm run sandbox -- --port 8788 [--host 127.0.0.1] [--tls [--cert F --key F]]
 * [--schemas DIR] [--seed FILE] [--token-lifetime SECONDS]`. Real OVH SDKs and scripts can point at it.
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from 'selfsigned';
import { createSandbox } from './sandbox';
import { loadSavedSchemas } from './saved-schemas';
import { loadDefaultSeed, validateSeed } from './seed/seed';

const usage = `Usage: npm run sandbox -- [--port 8788] [--host 127.0.0.1] [--tls [--cert FILE --key FILE]]
                          [--schemas DIR] [--seed FILE] [--token-lifetime SECONDS]`;

function fail(message: string): never {
  console.error(`sandbox: ${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8788' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      tls: { type: 'boolean', default: false },
      cert: { type: 'string' },
      key: { type: 'string' },
      schemas: { type: 'string', default: process.env.OVH_SANDBOX_SCHEMAS },
      seed: { type: 'string' },
      'token-lifetime': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, not ${values.port}`);
if ((values.cert || values.key) && !(values.cert && values.key)) fail('--cert and --key go together');
const lifetime = values['token-lifetime'] === undefined ? undefined : Number(values['token-lifetime']);
if (lifetime !== undefined && !(lifetime > 0)) fail('--token-lifetime must be a positive number of seconds');

const started = performance.now();
const seed = values.seed
  ? validateSeed(JSON.parse(readFileSync(resolve(values.seed), 'utf8')))
  : loadDefaultSeed();
const saved = values.schemas ? await loadSavedSchemas(resolve(values.schemas)) : undefined;
const sandbox = createSandbox({
  seed,
  savedSections: saved?.sections,
  savedListings: saved?.listings,
  tokenLifetimeSeconds: lifetime,
});
const loadMs = Math.round(performance.now() - started);

const tls = values.tls || Boolean(values.cert);
let serverOptions: { key: string; cert: string } | undefined;
if (tls) {
  if (values.cert && values.key) {
    serverOptions = {
      cert: readFileSync(resolve(values.cert), 'utf8'),
      key: readFileSync(resolve(values.key), 'utf8'),
    };
  } else {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    serverOptions = { cert: pems.cert, key: pems.private };
  }
}

const server = tls
  ? serve({ fetch: sandbox.fetch, port, hostname: values.host, createServer, serverOptions })
  : serve({ fetch: sandbox.fetch, port, hostname: values.host });
server.once('error', (error) => fail(error.message));
server.once('listening', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `${tls ? 'https' : 'http'}://${values.host.includes(':') ? `[${values.host}]` : values.host}:${actualPort}`;
  console.log(`OVHcloud sandbox listening on ${base}`);
  console.log(`  API:        ${base}/1.0  (also ${base}/v1 and ${base}/v2)`);
  console.log(`  Token URL:  ${base}/auth/oauth2/token`);
  if (saved)
    console.log(
      `  Schemas:    ${saved.sections.length} saved sections from ${values.schemas} (${loadMs} ms)`,
    );
  if (tls && !values.cert)
    console.log('  TLS:        self-signed certificate generated at start (relax verification or trust it)');
  console.log('  Service accounts (sandbox-only secrets):');
  for (const account of seed.serviceAccounts) {
    console.log(
      `    ${account.clientId}  ${account.clientSecret.padEnd(18)}  ${account.account}  ${account.name}`,
    );
  }
});
