/**
 * `npm run bench`: the explorer against an EU-size catalogue, measured in headless Chromium.
 *
 * It generates a synthetic catalogue the size and shape of OVHcloud's EU one, serves it through the sandbox
 * (OVH_SANDBOX_SCHEMAS), opens the built app and measures: time from the last schema received to searchable,
 * search latency over 50 queries (keystroke to results painted), time to open an operation, the JS heap,
 * the first-paint JavaScript (gzip), a second visit (IndexedDB cache), and the proxy's overhead. With
 * `--corpus DIR` it measures a saved real catalogue instead (e.g. ../shared/ovh-corpus/eu).
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createNodeServer, createServerApp } from '../src/server/node-entry';
import { buildIfNeeded, DIST, ROOT } from '../scripts/build-if-needed';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { writeSyntheticCatalog } from './synthetic-catalog';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, runs: { type: 'string', default: '3' } },
});

/** 50 queries over the synthetic catalogue's vocabulary: words, methods, actions, patterns, misses. */
const SYNTHETIC_QUERIES = [
  'vps',
  'reboot',
  'big',
  'product3',
  'method:DELETE',
  'option',
  'backup task',
  'product12:apiovh:*',
  'product0:apiovh:backup0/get',
  'statistics',
  'firewall',
  'user',
  'snapshot',
  'database',
  'cron',
  'license',
  'ssl',
  'domain record',
  'policy',
  'ip',
  'network disk',
  'product5:*',
  '*/delete',
  'module',
  'quota',
  'log',
  'record',
  'serviceName',
  'status',
  'product44',
  'product2:apiovh:task',
  'method:POST option',
  'method:PUT',
  'big/product1',
  'product60 user',
  'disk3',
  'option12',
  'task40',
  'configuration',
  'identifier',
  'region',
  'offer',
  'state',
  'attach',
  'product7:apiovh:*',
  'product1:apiovh:ip',
  'value object',
  'x',
  'zzz-nothing',
  'get',
];

/** 50 queries a user of OVHcloud's real catalogue would type. */
const CORPUS_QUERIES = [
  'vps',
  'reboot',
  'vps reboot',
  'webHosting:apiovh:get',
  'webHosting:*',
  'vps:apiovh:ips/*',
  '*:apiovh:reboot',
  'method:DELETE',
  'domain zone record',
  'cloud project instance',
  'dedicated server',
  'ip',
  'me',
  'order',
  'ssl',
  'email',
  'database',
  'backup',
  'snapshot',
  'kube',
  'user',
  'task',
  'firewall',
  'dns',
  'loadbalancer',
  'vrack',
  'attach',
  'serviceName',
  'account:apiovh:*',
  'publicCloudProject:apiovh:*',
  'dedicatedServer:apiovh:reboot',
  'method:POST vps',
  'method:PUT domain',
  'license',
  'nasha',
  'storage',
  'network',
  'log',
  'billing',
  'contact',
  'telephony',
  'sms',
  'xdsl',
  'private database',
  'certificate',
  'quota',
  'region',
  'flavor',
  'image',
  'zzz-nothing',
];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const median = (samples: number[]) => percentile(samples, 50);

/** First-paint JavaScript: the entry script and what it preloads, as the built index.html lists them. */
function firstPaintJs(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);
  return { files, gzipBytes };
}

async function waitSearchable(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('catalog:searchable').length > 0 && !document.querySelector('progress'),
    null,
    { timeout: 120_000 },
  );
}

/**
 * A keystroke, timed: set the box's value as typing does, then note when the result list in the DOM answers
 * that query (the work to do within a frame) and when the next frame starts (it is painted then).
 */
async function timeSearch(page: Page, query: string): Promise<{ dom: number; painted: number }> {
  return page.evaluate(
    (q) =>
      new Promise<{ dom: number; painted: number }>((done) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]');
        const count = document.querySelector('[data-testid=result-count]');
        if (!input || !count) throw new Error('search box or result count missing');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const started = performance.now();
        const answered = () => count.textContent?.includes(`“${q}”`);
        const observer = new MutationObserver(() => {
          if (!answered()) return;
          observer.disconnect();
          const dom = performance.now() - started;
          requestAnimationFrame(() => done({ dom, painted: performance.now() - started }));
        });
        observer.observe(count, { childList: true, subtree: true, characterData: true });
        setValue?.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

async function timeOpen(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const link = document.querySelector<HTMLAnchorElement>('.catalog__list a');
        if (!link) throw new Error('no result to open');
        const label = link.getAttribute('aria-label') ?? '';
        const started = performance.now();
        const opened = () =>
          [...document.querySelectorAll('h2')].some((h) =>
            h.textContent?.replace(/\s+/g, ' ').includes(label.split(' ')[1] ?? '#'),
          );
        const observer = new MutationObserver(() => {
          if (!opened()) return;
          observer.disconnect();
          requestAnimationFrame(() => done(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
      }),
  );
}

async function main() {
  buildIfNeeded();
  const started = performance.now();
  let schemas: string;
  let catalog: string;
  if (values.corpus) {
    schemas = resolve(values.corpus);
    catalog = `saved catalogue ${values.corpus}`;
  } else {
    schemas = join(ROOT, 'bench/.out/catalog');
    const stats = writeSyntheticCatalog(schemas);
    catalog = `synthetic: ${stats.sections} sections, ${stats.operations} operations, ${stats.actions} actions, ${(stats.bytes / 1e6).toFixed(1)} MB (largest file ${(stats.largestBytes / 1e6).toFixed(1)} MB)`;
  }
  if (!existsSync(schemas)) throw new Error(`no catalogue at ${schemas}`);
  const generatedMs = performance.now() - started;
  const queries = values.corpus ? CORPUS_QUERIES : SYNTHETIC_QUERIES;
  const opening = values.corpus
    ? ['reboot', 'webHosting:*', 'method:DELETE vps']
    : ['backup', 'product3:apiovh:*', 'method:DELETE user'];

  const { app } = await createServerApp({ distDir: DIST, env: { OVH_SANDBOX_SCHEMAS: schemas } });
  const server = createNodeServer(app.fetch);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch(chromiumLaunchOptions);
  const runs = Number(values.runs);
  const searchable: number[] = [];
  const loadTotal: number[] = [];
  const secondVisit: number[] = [];
  const searches: number[] = [];
  const painted: number[] = [];
  const opens: number[] = [];
  let heapMb = 0;
  let operations = '';
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      // tsx keeps function names with an `__name` helper, which the functions sent to the page then call.
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const page = await context.newPage();
      const navigation = performance.now();
      await page.goto(`${base}/`);
      await waitSearchable(page);
      loadTotal.push(performance.now() - navigation);
      const marks = await page.evaluate(() => ({
        received: performance.getEntriesByName('catalog:schemas-received').at(-1)?.startTime ?? Number.NaN,
        searchable: performance.getEntriesByName('catalog:searchable').at(-1)?.startTime ?? Number.NaN,
      }));
      searchable.push(marks.searchable - marks.received);
      await page
        .getByTestId('result-count')
        .filter({ hasText: /^[1-9][\d,]* operations$/ })
        .waitFor();
      operations = (await page.getByTestId('result-count').textContent()) ?? '';

      // Search: each query once to warm up on the first run, then measured.
      if (run === 0) for (const query of queries.slice(0, 5)) await timeSearch(page, query);
      for (const query of queries) {
        const timing = await timeSearch(page, query);
        searches.push(timing.dom);
        painted.push(timing.painted);
      }

      for (const query of opening) {
        await timeSearch(page, query);
        opens.push(await timeOpen(page));
      }

      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      heapMb = Math.max(heapMb, (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6);

      // Second visit: the parsed catalogue comes from IndexedDB.
      const again = performance.now();
      await page.reload();
      await waitSearchable(page);
      secondVisit.push(performance.now() - again);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const proxy = await proxyOverhead();
  const js = firstPaintJs();
  const rows: [string, string, string][] = [
    ['Catalogue', catalog, ''],
    ['Operations indexed', operations.trim(), ''],
    ['Schemas received → searchable (median of runs)', `${median(searchable).toFixed(0)} ms`, '≤ 1000 ms'],
    ['Page load → searchable, first visit (median)', `${median(loadTotal).toFixed(0)} ms`, ''],
    ['Page load → searchable, second visit (IndexedDB)', `${median(secondVisit).toFixed(0)} ms`, ''],
    [
      `Search, keystroke → results in the DOM (${searches.length} samples) p50`,
      `${median(searches).toFixed(1)} ms`,
      '',
    ],
    ['Search, keystroke → results in the DOM, p95', `${percentile(searches, 95).toFixed(1)} ms`, '≤ 16 ms'],
    [
      'Search, keystroke → next frame (painted), p50 / p95',
      `${median(painted).toFixed(1)} / ${percentile(painted, 95).toFixed(1)} ms`,
      '',
    ],
    ['Open an operation (median)', `${median(opens).toFixed(0)} ms`, '≤ 100 ms'],
    ["JS heap of the page after load and searches (the worker's is apart)", `${heapMb.toFixed(0)} MB`, ''],
    [
      'First-paint JavaScript (gzip)',
      `${(js.gzipBytes / 1024).toFixed(1)} KB (${js.files.length} file)`,
      '≤ 200 KB',
    ],
    ['Proxy overhead over direct sandbox call (median)', `${proxy.toFixed(2)} ms`, '≤ 1 ms'],
    ['Catalogue generation', `${generatedMs.toFixed(0)} ms`, ''],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'Measure'.padEnd(width)}  ${'Result'.padEnd(30)}  Budget`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(30)}  ------`);
  for (const [name, result, budget] of rows)
    console.log(`${name.padEnd(width)}  ${result.padEnd(30)}  ${budget}`);
}

/**
 * The proxy's own cost: the same call through /api/ovh (session, token, checks, forwarding) and straight to
 * the sandbox on the same loopback server, interleaved, medians compared.
 */
async function proxyOverhead(): Promise<number> {
  const { app } = await createServerApp({ env: {} });
  const server = createNodeServer(app.fetch);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ region: 'sandbox', clientId: '0f0f0f0f0f0f0f0f', clientSecret: 'xxxxx' }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const token = await fetch(`${base}/sandbox/auth/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=0f0f0f0f0f0f0f0f&client_secret=xxxxx&scope=all',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const path = '/1.0/hosting/web/xxxxxxx.cluster001.hosting.ovh.net';
    const time = async (url: string, headers: Record<string, string>) => {
      const t = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      return performance.now() - t;
    };
    const viaProxy: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < 600; i++) {
      const proxied = await time(`${base}/api/ovh/sandbox${path}`, { Cookie: cookie });
      const straight = await time(`${base}/sandbox${path}`, {
        Authorization: `Bearer ${token.access_token}`,
      });
      if (i >= 100) {
        viaProxy.push(proxied);
        direct.push(straight);
      }
    }
    return median(viaProxy) - median(direct);
  } finally {
    server.close();
  }
}

await main();
