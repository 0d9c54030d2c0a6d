/**
 * Standalone sandbox (docs/sandbox.md): real OVH SDKs, Terraform and scripts can point at it.
 * `npm run sandbox -- --help` lists the flags.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { faultsFromEnv, FaultSpecError, parseFaultSpec, validateFault, type FaultRule } from './faults';
import { loadSavedSchemas } from './saved-schemas';
import { loadDefaultSeed, validateSeed } from './seed/seed';
import { startSandboxServer } from './server';

const usage = `Usage: npm run sandbox -- [options]

  --port N                 port (default 8788, or $PORT)
  --host H                 interface (default 127.0.0.1, or $HOST)
  --tls                    serve https with a self-signed certificate generated at start
  --cert FILE --key FILE   serve https with this certificate
  --schemas DIR            serve schema files saved from OVH over the built-in sections ($OVH_SANDBOX_SCHEMAS)
  --seed FILE              start from this seed instead of the built-in one
  --token-lifetime S       access token lifetime in seconds (default 3599)
  --clock ISO-DATE         start the sandbox's clock at this date (conditions on weekdays, expiries)
  --trust-forwarded-for    take the caller's IP from X-Forwarded-For (to test request.IP conditions)
  --fault "RULE"           inject a fault, repeatable: "[METHOD ]PATH [status=N] [rate=R] [latency=MS] [retryAfter=S]"
                           e.g. --fault "GET /1.0/me status=429 retryAfter=30"  (also $OVH_SANDBOX_FAULTS, JSON)
  --latency MS             add this latency to every answer
  --token-outage           the token endpoint answers 503 (HTML, as OVH's does under load)
  --admin                  expose /_sandbox/faults and /_sandbox/reset ($OVH_SANDBOX_ADMIN=1)`;

function fail(message: string): never {
  console.error(`sandbox: ${message}\n\n${usage}`);
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
      clock: { type: 'string' },
      'trust-forwarded-for': { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true, default: [] },
      latency: { type: 'string' },
      'token-outage': { type: 'boolean', default: false },
      admin: { type: 'boolean', default: process.env.OVH_SANDBOX_ADMIN === '1' },
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
const clockStart = values.clock === undefined ? undefined : Date.parse(values.clock);
if (clockStart !== undefined && Number.isNaN(clockStart))
  fail(`--clock must be a date, such as 2026-11-27T10:00:00Z`);

let faults: FaultRule[];
try {
  faults = [
    ...faultsFromEnv(process.env.OVH_SANDBOX_FAULTS),
    ...values.fault.map(parseFaultSpec),
    ...(values['token-outage'] ? [{ route: '/auth/oauth2/token', status: 503, retryAfter: 30 }] : []),
    ...(values.latency ? [validateFault({ route: '*', latencyMs: Number(values.latency) })] : []),
  ];
} catch (error) {
  fail(error instanceof FaultSpecError ? error.message : String(error));
}

const started = performance.now();
const seed = values.seed
  ? validateSeed(JSON.parse(readFileSync(resolve(values.seed), 'utf8')))
  : loadDefaultSeed();
const saved = values.schemas ? await loadSavedSchemas(resolve(values.schemas)) : undefined;
const loadMs = Math.round(performance.now() - started);
const offset = clockStart === undefined ? 0 : clockStart - Date.now();

const tls =
  values.cert && values.key
    ? { cert: readFileSync(resolve(values.cert), 'utf8'), key: readFileSync(resolve(values.key), 'utf8') }
    : values.tls;
let running;
try {
  running = await startSandboxServer({
    port,
    host: values.host,
    tls,
    seed,
    savedSections: saved?.sections,
    savedListings: saved?.listings,
    tokenLifetimeSeconds: lifetime,
    now: () => Date.now() + offset,
    trustForwardedFor: values['trust-forwarded-for'],
    faults,
    admin: values.admin,
  });
} catch (error) {
  fail((error as Error).message);
}

const { url } = running;
console.log(`OVHcloud sandbox listening on ${url}`);
console.log(`  API:        ${url}/1.0  (also ${url}/v1 and ${url}/v2)`);
console.log(`  Token URL:  ${url}/auth/oauth2/token`);
if (saved)
  console.log(`  Schemas:    ${saved.sections.length} saved sections from ${values.schemas} (${loadMs} ms)`);
if (tls === true)
  console.log('  TLS:        self-signed certificate generated at start (relax verification or trust it)');
if (faults.length) console.log(`  Faults:     ${faults.map((f) => JSON.stringify(f)).join(', ')}`);
if (values.admin) console.log(`  Admin:      ${url}/_sandbox/faults, ${url}/_sandbox/reset`);
console.log('  Service accounts (sandbox-only secrets):');
for (const account of seed.serviceAccounts) {
  console.log(
    `    ${account.clientId}  ${account.clientSecret.padEnd(22)}  ${account.account}  ${account.name}`,
  );
}
for (const app of seed.ovhApplications ?? []) {
  console.log(
    `  Application key ${app.applicationKey} / ${app.applicationSecret}, consumer key ${app.consumerKey}: ${app.description}`,
  );
}
