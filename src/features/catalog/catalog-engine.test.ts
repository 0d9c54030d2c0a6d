import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox';
import { createIndexedDbCache } from './catalog-cache';
import { CatalogEngine, type CatalogSnapshot, type LoadProgress } from './catalog-engine';
import { FetchError } from './fetch-json';

let sandbox: Sandbox;
let requests: string[];
let inFlight: number;
let maxInFlight: number;
let failing: Set<string>;

beforeEach(() => {
  sandbox = createSandbox();
  requests = [];
  inFlight = 0;
  maxInFlight = 0;
  failing = new Set();
  indexedDB.deleteDatabase('ovh-explorer');
});

/** The explorer's proxy, reduced to what the engine asks of it, answered by the sandbox. */
async function fetchJson(url: string): Promise<unknown> {
  requests.push(url);
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const path = url.replace(/^\/api\/ovh\/sandbox/, '');
    if (failing.has(path)) throw new FetchError('502: upstream broken', 502);
    const response = await sandbox.fetch(new Request(`http://sandbox.test${path}`));
    return await response.json();
  } finally {
    inFlight--;
  }
}

function engine(options: Partial<ConstructorParameters<typeof CatalogEngine>[0]> = {}) {
  const snapshots: CatalogSnapshot[] = [];
  const progress: LoadProgress[] = [];
  const instance = new CatalogEngine({
    fetchJson,
    events: { snapshot: (s) => snapshots.push(s), progress: (p) => progress.push(p) },
    ...options,
  });
  return { instance, snapshots, progress };
}

describe('the catalogue engine', () => {
  it('loads the listing and every section, parsed and searchable', async () => {
    const { instance, snapshots } = engine();
    await instance.load('sandbox', 'v1');
    const snapshot = snapshots.at(-1);
    expect(snapshot?.sections.map((s) => s.path)).toEqual([
      '/auth',
      '/dedicated/server',
      '/domain',
      '/hosting/web',
      '/me',
      '/vps',
      '/vrack',
    ]);
    expect(snapshot?.operations.length).toBe(
      sandbox.catalog.sections('v1').reduce((n, s) => n + s.operations.length, 0),
    );
    const { indexes } = instance.search('sandbox:v1', 'vps reboot', {});
    expect(snapshot?.operations[indexes[0] ?? -1]?.id).toBe('POST /vps/{serviceName}/reboot');
    expect(instance.models('sandbox:v1', '/vps')['vps.Ip']).toBeDefined();
  });

  it('never fetches more sections at once than its concurrency', async () => {
    const { instance } = engine({ concurrency: 2 });
    await instance.load('sandbox', 'v1');
    expect(maxInFlight).toBe(2);
  });

  it('reports progress as sections arrive', async () => {
    const { instance, progress } = engine();
    await instance.load('sandbox', 'v1');
    const sections = progress.filter((p) => p.phase === 'sections');
    expect(sections.at(-1)).toMatchObject({ loaded: 7, total: 7, failed: [] });
    expect(progress.at(-1)?.phase).toBe('ready');
  });

  it('reports a failed section, keeps the others, and fetches only it again on retry', async () => {
    failing.add('/1.0/vps.json');
    const { instance, snapshots } = engine();
    await instance.load('sandbox', 'v1');
    expect(snapshots.at(-1)?.failed).toEqual([{ path: '/vps', message: '502: upstream broken' }]);
    expect(snapshots.at(-1)?.sections.map((s) => s.path)).not.toContain('/vps');
    expect(requests.filter((r) => r.endsWith('/vps.json'))).toHaveLength(2); // one retry after a 5xx

    failing.clear();
    requests = [];
    await instance.retry('sandbox', 'v1');
    expect(requests).toEqual(['/api/ovh/sandbox/1.0/vps.json']);
    expect(snapshots.at(-1)?.failed).toEqual([]);
    expect(snapshots.at(-1)?.sections.map((s) => s.path)).toContain('/vps');
  });

  it('shows a cached catalogue at once on the next visit, and only checks the listing while it is fresh', async () => {
    await engine({ cache: createIndexedDbCache() }).instance.load('sandbox', 'v1');
    requests = [];
    const second = engine({ cache: createIndexedDbCache() });
    await second.instance.load('sandbox', 'v1');
    expect(second.snapshots[0]?.fromCache).toBe(true);
    expect(second.instance.search('sandbox:v1', 'webHosting:apiovh:get', {}).indexes.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the revalidation, behind
    expect(requests).toEqual(['/api/ovh/sandbox/1.0/']);
  });

  it('fetches again behind a cached catalogue once it is stale', async () => {
    await engine({ cache: createIndexedDbCache() }).instance.load('sandbox', 'v1');
    requests = [];
    const second = engine({ cache: createIndexedDbCache(), freshForMs: 0 });
    await second.instance.load('sandbox', 'v1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests.length).toBeGreaterThan(7);
    expect(second.snapshots.map((s) => s.fromCache)).toEqual([true, false]);
  });

  it('fails the load when the listing cannot be had and nothing is cached', async () => {
    failing.add('/1.0/');
    await expect(engine().instance.load('sandbox', 'v1')).rejects.toThrow('502');
  });
});
