/**
 * `npm start`: builds the SPA when it is missing or older than its sources, then serves the SPA, /api and
 * the sandbox from one Node server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../src/server/node-entry';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
  newestMtime(join(root, p)),
);
const built = newestMtime(join(dist, 'index.html'));
if (built === 0 || Math.max(...sources) > built) {
  console.log('Building the app (vite build)…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
await startServer({ port, host: process.env.HOST ?? '127.0.0.1', distDir: dist, env: process.env });
