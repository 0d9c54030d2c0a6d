/// <reference lib="webworker" />
/**
 * The catalogue engine in a Web Worker: fetching, parsing and indexing 6,000 operations happen here, never
 * on the page's thread. Messages follow catalog-client.ts's protocol.
 */
import { createIndexedDbCache } from './catalog-cache';
import { CatalogEngine, type SearchResult } from './catalog-engine';
import { fetchJson } from './fetch-json';
import { runRequest, type WorkerEvent, type WorkerRequest } from './catalog-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerEvent) => scope.postMessage(message);

const engine = new CatalogEngine({
  fetchJson,
  cache: createIndexedDbCache(),
  events: {
    progress: (progress) => post({ event: 'progress', progress }),
    snapshot: (snapshot) => post({ event: 'snapshot', snapshot }),
  },
});

scope.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  try {
    const result = await runRequest(engine, data);
    // Search results are typed arrays: hand their buffers over rather than copying them.
    const transfer =
      data.method === 'search'
        ? [(result as SearchResult).indexes.buffer, (result as SearchResult).partial.buffer]
        : [];
    scope.postMessage({ event: 'result', id: data.id, result } satisfies WorkerEvent, transfer);
  } catch (error) {
    post({
      event: 'error',
      id: data.id,
      message: (error as Error).message,
      status: (error as { status?: number }).status,
    });
  }
};
