import type { SearchFilters } from '../../domain/catalog/search-index';
import type { Branch } from '../../domain/catalog/types';
import type { CatalogEngine, CatalogSnapshot, LoadProgress } from './catalog-engine';

/** Messages between the page and the catalogue worker. */
export type WorkerCall =
  | { method: 'load'; region: string; branch: Branch }
  | { method: 'retry'; region: string; branch: Branch }
  | { method: 'search'; key: string; query: string; filters: SearchFilters }
  | { method: 'models'; key: string; section: string };

export type WorkerRequest = WorkerCall & { id: number };

export type WorkerEvent =
  | { event: 'progress'; progress: LoadProgress }
  | { event: 'snapshot'; snapshot: CatalogSnapshot }
  | { event: 'result'; id: number; result: unknown }
  | { event: 'error'; id: number; message: string; status?: number };

/** Runs a request on an engine: the worker and the in-page fallback answer alike. */
export function runRequest(engine: CatalogEngine, request: WorkerRequest): unknown {
  switch (request.method) {
    case 'load':
      return engine.load(request.region, request.branch);
    case 'retry':
      return engine.retry(request.region, request.branch);
    case 'search':
      return engine.search(request.key, request.query, request.filters);
    case 'models':
      return engine.models(request.key, request.section);
  }
}
