import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeServer, createServerApp } from './node-entry';

let server: ReturnType<typeof createNodeServer>;
let port: number;

beforeAll(async () => {
  const { app } = await createServerApp({ env: {} });
  server = createNodeServer(app.fetch);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A raw HTTP request: the path goes on the wire exactly as written, like `curl --path-as-is`. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Node server', () => {
  it.each([
    '/api/ovh/sandbox/1.0/hosting/../me',
    '/api/ovh/sandbox/1.0/hosting/%2e%2e/me',
    '/api/ovh/sandbox/1.0/../../session',
  ])('refuses %s as it came on the wire', async (path) => {
    const response = await raw(path);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'invalid_path' });
  });

  it('serves the API and the in-process sandbox', async () => {
    expect((await raw('/api/regions')).status).toBe(200);
    const listing = await raw('/sandbox/1.0/');
    expect(JSON.parse(listing.body)).toMatchObject({ basePath: `http://127.0.0.1:${port}/sandbox/1.0` });
  });
});
