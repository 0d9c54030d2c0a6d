/**
 * `npm start`: builds the SPA when it is missing or older than its sources, then serves the SPA, /api and
 * the sandbox from one Node server.
 */
import { startServer } from '../src/server/node-entry';
import { buildIfNeeded, DIST } from './build-if-needed';

buildIfNeeded();

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
await startServer({ port, host: process.env.HOST ?? '127.0.0.1', distDir: DIST, env: process.env });
