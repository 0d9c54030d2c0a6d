import { execFile } from 'node:child_process';
import { globalAgent, request } from 'node:https';
import { promisify } from 'node:util';
import ovh from 'ovh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from './server';
import { ovhSignature } from './signed-auth';
import { GUIDE_HOSTING } from './testing';

let running: SandboxServer;

beforeAll(async () => {
  running = await startSandboxServer({ port: 0, host: '127.0.0.1', tls: true });
});
afterAll(() => running.close());

/** An HTTPS client that trusts the sandbox's generated certificate, as a user would after trusting it. */
function https(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{
    status: number;
    body: unknown;
    headers: Record<string, string | string[] | undefined>;
  }>((resolve, reject) => {
    const url = new URL(path, running.url);
    const req = request(url, { method, headers: init.headers, ca: running.certificate }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : undefined,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the standalone sandbox over HTTPS', () => {
  it('authenticates a client that uses HTTP Basic and scope=all, as python-ovh and node-ovh do, then enforces IAM', async () => {
    const basic = Buffer.from('0f0f0f0f0f0f0f0f:xxxxx').toString('base64');
    const token = await https('POST', '/auth/oauth2/token', {
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=all',
    });
    expect(token.status).toBe(200);
    const bearer = { Authorization: `Bearer ${(token.body as { access_token: string }).access_token}` };
    const hosting = await https('GET', `/1.0/hosting/web/${GUIDE_HOSTING}`, { headers: bearer });
    expect(hosting.status).toBe(200);
    expect(hosting.headers['x-ovh-queryid']).toBeTruthy();
    const me = await https('GET', '/1.0/me', { headers: bearer });
    expect(me.status).toBe(403);
    expect(me.body).toMatchObject({
      class: 'Client::Forbidden',
      details: { unauthorizedActionsByIAM: 'account:apiovh:me/get' },
    });
  });

  it.runIf(process.platform !== 'win32')(
    "answers the guide's own curl commands, client authenticated in the form",
    async () => {
      const curl = promisify(execFile);
      let stdout: string;
      try {
        ({ stdout } = await curl('curl', [
          '-sk',
          '-X',
          'POST',
          `${running.url}/auth/oauth2/token`,
          '-H',
          'Content-Type: application/x-www-form-urlencoded',
          '-d',
          'grant_type=client_credentials&client_id=0f0f0f0f0f0f0f0f&client_secret=xxxxx&scope=all',
        ]));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no curl on this machine
        throw error;
      }
      const { access_token: accessToken } = JSON.parse(stdout) as { access_token: string };
      const { stdout: hosting } = await curl('curl', [
        '-sk',
        '-H',
        `Authorization: Bearer ${accessToken}`,
        `${running.url}/1.0/hosting/web/${GUIDE_HOSTING}`,
      ]);
      expect(JSON.parse(hosting)).toMatchObject({ serviceName: GUIDE_HOSTING });
      const { stdout: me } = await curl('curl', [
        '-sk',
        '-w',
        '\n%{http_code}',
        '-H',
        `Authorization: Bearer ${accessToken}`,
        `${running.url}/1.0/me`,
      ]);
      expect(me.trim().split('\n').at(-1)).toBe('403');
    },
  );

  it("lets OVHcloud's official Node.js SDK (node-ovh, signed requests) in as the account owner, whom policies never restrict", async () => {
    globalAgent.options.ca = running.certificate;
    const { port } = new URL(running.url);
    const client = ovh({
      appKey: 'sandboxOwnerAppKey',
      appSecret: 'owner-app-demo-secret',
      consumerKey: 'owner-demo-consumer-key',
      host: '127.0.0.1',
      port: Number(port),
      basePath: '/1.0',
    });
    const me = (await client.requestPromised('GET', '/me')) as { nichandle: string };
    expect(me.nichandle).toBe('xx11111-ovh');
    // node-ovh does not sign /auth/* calls: ask who we are with a request signed by hand.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = `${running.url}/1.0/auth/details`;
    const details = await https('GET', '/1.0/auth/details', {
      headers: {
        'X-Ovh-Application': 'sandboxOwnerAppKey',
        'X-Ovh-Consumer': 'owner-demo-consumer-key',
        'X-Ovh-Timestamp': timestamp,
        'X-Ovh-Signature': await ovhSignature(
          'owner-app-demo-secret',
          'owner-demo-consumer-key',
          'GET',
          url,
          '',
          timestamp,
        ),
      },
    });
    expect(details.body).toMatchObject({
      account: 'xx11111-ovh',
      method: 'account',
      identities: ['urn:v1:eu:identity:account:xx11111-ovh'],
    });

    const readOnly = ovh({
      appKey: 'sandboxOwnerAppKey',
      appSecret: 'owner-app-demo-secret',
      consumerKey: 'owner-readonly-consumer-key',
      host: '127.0.0.1',
      port: Number(port),
      basePath: '/1.0',
    });
    await expect(
      readOnly.requestPromised('PUT', `/hosting/web/${GUIDE_HOSTING}`, { displayName: 'x' }),
    ).rejects.toMatchObject({
      error: 403,
      message: 'This call has not been granted',
    });
  });

  it('refuses a signed request with a wrong signature', async () => {
    const response = await https('GET', '/1.0/me', {
      headers: {
        'X-Ovh-Application': 'sandboxOwnerAppKey',
        'X-Ovh-Consumer': 'owner-demo-consumer-key',
        'X-Ovh-Timestamp': String(Math.floor(Date.now() / 1000)),
        'X-Ovh-Signature': '$1$0000000000000000000000000000000000000000',
      },
    });
    expect(response).toMatchObject({ status: 400, body: { message: 'Invalid signature' } });
  });
});
