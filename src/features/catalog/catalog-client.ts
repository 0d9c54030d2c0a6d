import type { SearchFilters } from '../../domain/catalog/search-index';
import type { Branch, Model } from '../../domain/catalog/types';
import { createIndexedDbCache, type CatalogCache } from './catalog-cache';
import { CatalogEngine, type CatalogSnapshot, type LoadProgress, type SearchResult } from './catalog-engine';
import { runRequest, type WorkerCall, type WorkerEvent, type WorkerRequest } from './catalog-protocol';
import { FetchError, fetchJson } from './fetch-json';

/** The page's handle on the catalogue engine: in a Web Worker when there is one, in the page otherwise. */
export type CatalogClient = {
  load(region: string, branch: Branch): Promise<void>;
  retry(region: string, branch: Branch): Promise<void>;
  search(key: string, query: string, filters: SearchFilters): Promise<SearchResult>;
  models(key: string, section: string): Promise<Record<string, Model>>;
  progress(key: string): LoadProgress | undefined;
  snapshot(key: string): CatalogSnapshot | undefined;
  /** called on every progress or snapshot; returns the unsubscribe function */
  subscribe(listener: () => void): () => void;
  dispose(): void;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

type Transport = {
  send: (request: WorkerRequest) => void;
  dispose: () => void;
};

function createStore() {
  const progress = new Map<string, LoadProgress>();
  const snapshots = new Map<string, CatalogSnapshot>();
  const listeners = new Set<() => void>();
  return {
    progress,
    snapshots,
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createCatalogClient(options: { worker?: boolean; cache?: CatalogCache } = {}): CatalogClient {
  const store = createStore();
  const pending = new Map<number, Pending>();
  let nextId = 0;

  const onEvent = (message: WorkerEvent) => {
    switch (message.event) {
      case 'progress':
        store.progress.set(message.progress.key, message.progress);
        store.notify();
        return;
      case 'snapshot':
        store.snapshots.set(message.snapshot.key, message.snapshot);
        store.notify();
        return;
      case 'result':
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
        return;
      case 'error':
        pending.get(message.id)?.reject(new FetchError(message.message, message.status));
        pending.delete(message.id);
    }
  };

  const useWorker = (options.worker ?? true) && typeof Worker !== 'undefined';
  const transport: Transport = useWorker ? workerTransport(onEvent) : inPageTransport(onEvent, options.cache);

  function call<T>(request: WorkerCall): Promise<T> {
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      transport.send({ ...request, id });
    });
  }

  return {
    load: (region, branch) => call({ method: 'load', region, branch }),
    retry: (region, branch) => call({ method: 'retry', region, branch }),
    search: (key, query, filters) => call({ method: 'search', key, query, filters }),
    models: (key, section) => call({ method: 'models', key, section }),
    progress: (key) => store.progress.get(key),
    snapshot: (key) => store.snapshots.get(key),
    subscribe: (listener) => store.subscribe(listener),
    dispose: () => transport.dispose(),
  };
}

function workerTransport(onEvent: (event: WorkerEvent) => void): Transport {
  const worker = new Worker(new URL('./catalog.worker.ts', import.meta.url), {
    type: 'module',
    name: 'catalog',
  });
  worker.onmessage = (message: MessageEvent<WorkerEvent>) => onEvent(message.data);
  return { send: (request) => worker.postMessage(request), dispose: () => worker.terminate() };
}

/** The same engine and protocol in the page, for runtimes without Worker (jsdom). */
function inPageTransport(
  onEvent: (event: WorkerEvent) => void,
  cache: CatalogCache = createIndexedDbCache(),
): Transport {
  const engine = new CatalogEngine({
    fetchJson,
    cache,
    events: {
      progress: (progress) => onEvent({ event: 'progress', progress }),
      snapshot: (snapshot) => onEvent({ event: 'snapshot', snapshot }),
    },
  });
  return {
    send: (request) => {
      void (async () => {
        try {
          onEvent({ event: 'result', id: request.id, result: await runRequest(engine, request) });
        } catch (error) {
          onEvent({
            event: 'error',
            id: request.id,
            message: (error as Error).message,
            status: (error as FetchError).status,
          });
        }
      })();
    },
    dispose: () => undefined,
  };
}
