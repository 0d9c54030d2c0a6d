import { serve, type ServerType } from '@hono/node-server';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export type SandboxServerOptions = SandboxOptions & {
  port: number;
  host: string;
  /** serve https: with this certificate, or a self-signed one generated at start */
  tls?: boolean | { cert: string; key: string };
};

export type SandboxServer = {
  sandbox: Sandbox;
  server: ServerType;
  /** e.g. https://127.0.0.1:8788 */
  url: string;
  /** the certificate in use, when serving https (to trust it in a client) */
  certificate?: string;
  close: () => Promise<void>;
};

/** A self-signed certificate for localhost, 127.0.0.1 and ::1, valid a year. */
export async function selfSignedCertificate(): Promise<{ cert: string; key: string }> {
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
  return { cert: pems.cert, key: pems.private };
}

/** The standalone sandbox: an HTTP or HTTPS server around the simulator, for SDKs, scripts and tests. */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { port, host, tls, ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const credentials = tls === true ? await selfSignedCertificate() : tls || undefined;
  const server = credentials
    ? serve({ fetch: sandbox.fetch, port, hostname: host, createServer, serverOptions: credentials })
    : serve({ fetch: sandbox.fetch, port, hostname: host });
  await new Promise<void>((ready, reject) => {
    server.once('listening', ready);
    server.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `${credentials ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    sandbox,
    server,
    url,
    ...(credentials ? { certificate: credentials.cert } : {}),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
