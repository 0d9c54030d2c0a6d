import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import currentSection from '../domain/catalog/fixtures/current-section.json';
import { createSandbox, type Sandbox } from './sandbox';
import { loadSavedSchemas } from './saved-schemas';
import { DEMO, sandboxClient } from './testing';

let dir: string;

function write(relative: string, content: unknown) {
  const file = join(dir, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

const savedHosting = {
  apiVersion: '1.0',
  basePath: 'https://eu.api.ovh.com/1.0',
  resourcePath: '/hosting/web',
  apis: [
    {
      path: '/hosting/web/{serviceName}/ownLogs',
      description: 'A saved operation the sandbox does not simulate',
      operations: [
        {
          httpMethod: 'GET',
          description: 'Own logs',
          apiStatus: { value: 'PRODUCTION' },
          noAuthentication: false,
          parameters: [{ name: 'serviceName', paramType: 'path', dataType: 'string', required: true }],
          responseType: 'long[]',
          iamActions: [{ name: 'webHosting:apiovh:ownLogs/get', required: true }],
        },
      ],
    },
  ],
  models: {},
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-schemas-'));
  write('1.0/widget.json', JSON.stringify(currentSection, null, 1));
  write('1.0/hosting/web.json', savedHosting);
  write('v2/gadget.json', { ...currentSection, resourcePath: '/gadget', apis: [] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sandboxFromDir(): Promise<Sandbox> {
  const saved = await loadSavedSchemas(dir);
  return createSandbox({ savedSections: saved.sections, savedListings: saved.listings });
}

describe('saved catalogues (--schemas, OVH_SANDBOX_SCHEMAS)', () => {
  it('reads files laid out as their URLs, in both branches', async () => {
    const saved = await loadSavedSchemas(dir);
    expect(saved.sections.map((s) => `${s.branch} ${s.path}`).sort()).toEqual([
      'v1 /hosting/web',
      'v1 /widget',
      'v2 /gadget',
    ]);
  });

  it('builds the root listing from the files found, merged with the built-in sections', async () => {
    const client = sandboxClient(await sandboxFromDir());
    const listing = (await client.call('GET', '/1.0/')).body as { apis: { path: string }[] };
    expect(listing.apis.map((a) => a.path)).toEqual(
      expect.arrayContaining(['/widget', '/hosting/web', '/me', '/auth']),
    );
  });

  it('serves a saved document byte for byte, over the built-in section of the same path', async () => {
    const sandbox = await sandboxFromDir();
    const widget = await sandbox.fetch(new Request('http://sandbox.test/1.0/widget.json'));
    expect(await widget.text()).toBe(readFileSync(join(dir, '1.0/widget.json'), 'utf8'));
    const hosting = await sandbox.fetch(new Request('http://sandbox.test/1.0/hosting/web.json'));
    expect(await hosting.text()).toBe(readFileSync(join(dir, '1.0/hosting/web.json'), 'utf8'));
  });

  it('serves a saved root listing when the directory has one', async () => {
    write('1.0/index.json', {
      apis: [{ path: '/widget', schema: '{path}.{format}', format: ['json'], description: 'Only this' }],
      basePath: 'https://eu.api.ovh.com/1.0',
    });
    try {
      const client = sandboxClient(await sandboxFromDir());
      expect(((await client.call('GET', '/1.0/')).body as { apis: unknown[] }).apis).toHaveLength(1);
    } finally {
      rmSync(join(dir, '1.0/index.json'));
    }
  });

  it('puts a call to an operation without simulated behaviour through authentication and IAM, then answers like OVH', async () => {
    const client = sandboxClient(await sandboxFromDir());
    const admin = await client.token(DEMO.admin.clientId, DEMO.admin.clientSecret);
    const guide = await client.token(DEMO.guide.clientId, DEMO.guide.clientSecret);
    expect((await client.call('GET', '/1.0/widget/w-1/link')).status).toBe(405);
    expect((await client.call('GET', '/1.0/widget')).status).toBe(401);
    expect(await client.call('GET', '/1.0/widget', { token: guide })).toMatchObject({
      status: 200,
      body: [],
    });
    expect(await client.call('PUT', '/1.0/widget/w-1', { token: guide, body: {} })).toMatchObject({
      status: 403,
      body: { details: { unauthorizedActionsByIAM: 'widget:apiovh:edit' } },
    });
    expect(await client.call('PUT', '/1.0/widget/w-1', { token: admin, body: {} })).toMatchObject({
      status: 404,
      body: { class: 'Client::NotFound' },
    });
    // A saved operation on a resource the sandbox knows: checked, then honestly not simulated.
    const ownLogs = await client.call('GET', '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net/ownLogs', {
      token: guide,
    });
    expect(ownLogs).toMatchObject({ status: 501, body: { class: 'Server::NotImplemented' } });
  });
});

const corpus = join(import.meta.dirname, '../../../shared/ovh-corpus/eu');

describe.skipIf(!existsSync(corpus))("OVHcloud's real EU catalogue", () => {
  it('is served as saved, about 90 sections, every call checked for authentication and IAM', async () => {
    const saved = await loadSavedSchemas(corpus);
    const sandbox = createSandbox({ savedSections: saved.sections, savedListings: saved.listings });
    const client = sandboxClient(sandbox);
    const listing = (await client.call('GET', '/1.0/')).body as { apis: unknown[] };
    expect(listing.apis.length).toBeGreaterThanOrEqual(88);
    const cloud = await sandbox.fetch(new Request('http://sandbox.test/1.0/cloud.json'));
    expect(await cloud.text()).toBe(readFileSync(join(corpus, '1.0/cloud.json'), 'utf8'));
    const guide = await client.token(DEMO.guide.clientId, DEMO.guide.clientSecret);
    const admin = await client.token(DEMO.admin.clientId, DEMO.admin.clientSecret);
    expect((await client.call('GET', '/1.0/cloud/project/p-1/instance', { token: guide })).status).toBe(403);
    expect((await client.call('GET', '/1.0/cloud/project/p-1/instance', { token: admin })).status).toBe(404);
    expect((await client.call('GET', '/1.0/cloud/project', { token: admin })).body).toEqual([]);
    expect(
      (await client.call('GET', '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net', { token: guide }))
        .status,
    ).toBe(200);
  });
});
