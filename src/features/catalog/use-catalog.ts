import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { buildActionIndex, type ActionIndex } from '../../domain/catalog/actions';
import type { SearchFilters } from '../../domain/catalog/search-index';
import type { Branch, Operation } from '../../domain/catalog/types';
import type { CatalogClient } from './catalog-client';
import { useCatalogClient } from './catalog-context';
import { catalogKey, type CatalogSnapshot, type LoadProgress, type SectionSummary } from './catalog-engine';

export type CatalogView = {
  region: string;
  branch: Branch;
  key: string;
  /** a catalogue is searchable (possibly from the cache, possibly partial) */
  ready: boolean;
  loadError: Error | null;
  progress: LoadProgress | undefined;
  version: number;
  sections: SectionSummary[];
  operations: Operation[];
  operationById: ReadonlyMap<string, Operation>;
  failed: { path: string; message: string }[];
  fromCache: boolean;
  snapshotTimings: CatalogSnapshot['timings'] | undefined;
  retry: () => void;
};

const EMPTY: Operation[] = [];

export const catalogLoadQueryOptions = (client: CatalogClient, region: string, branch: Branch) =>
  queryOptions({
    queryKey: ['catalog', region, 'index', { branch }] as const,
    queryFn: async () => {
      await client.load(region, branch);
      return true;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const searchQueryOptions = (
  client: CatalogClient,
  region: string,
  branch: Branch,
  query: string,
  filters: SearchFilters,
  version: number,
) =>
  queryOptions({
    queryKey: ['catalog', region, 'search', { branch, query, filters, version }] as const,
    queryFn: () => client.search(catalogKey(region, branch), query, filters),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30_000,
    placeholderData: keepPreviousData,
    enabled: version > 0,
  });

export const modelsQueryOptions = (
  client: CatalogClient,
  region: string,
  branch: Branch,
  section: string,
  version: number,
) =>
  queryOptions({
    queryKey: ['catalog', region, 'models', { branch, section, version }] as const,
    queryFn: () => client.models(catalogKey(region, branch), section),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: version > 0 && section !== '',
  });

/** The catalogue of a region and branch, loaded in the worker, with its progress. */
export function useCatalog(region: string, branch: Branch): CatalogView {
  const client = useCatalogClient();
  const key = catalogKey(region, branch);
  const load = useQuery(catalogLoadQueryOptions(client, region, branch));
  const snapshot: CatalogSnapshot | undefined = useSyncExternalStore(client.subscribe, () =>
    client.snapshot(key),
  );
  const progress = useSyncExternalStore(client.subscribe, () => client.progress(key));
  const operations = snapshot?.operations ?? EMPTY;
  const operationById = useMemo(() => new Map(operations.map((op) => [op.id, op])), [operations]);
  const { refetch } = load;
  const retry = useCallback(() => {
    if (snapshot) void client.retry(region, branch);
    else void refetch();
  }, [client, region, branch, snapshot, refetch]);
  return {
    region,
    branch,
    key,
    ready: Boolean(snapshot),
    loadError: snapshot ? null : load.error,
    progress,
    version: snapshot?.version ?? 0,
    sections: snapshot?.sections ?? [],
    operations,
    operationById,
    failed: snapshot?.failed ?? [],
    fromCache: snapshot?.fromCache ?? false,
    snapshotTimings: snapshot?.timings,
    retry,
  };
}

export function useSearch(catalog: CatalogView, query: string, filters: SearchFilters) {
  const client = useCatalogClient();
  return useQuery(
    searchQueryOptions(client, catalog.region, catalog.branch, query, filters, catalog.version),
  );
}

export function useModels(catalog: CatalogView, section: string) {
  const client = useCatalogClient();
  return useQuery(modelsQueryOptions(client, catalog.region, catalog.branch, section, catalog.version));
}

const actionIndexes = new WeakMap<readonly Operation[], ActionIndex>();

/** The action index of a catalogue, built once per snapshot whoever asks for it. */
export function useActionIndex(catalog: CatalogView): ActionIndex {
  return useMemo(() => {
    let index = actionIndexes.get(catalog.operations);
    if (!index) {
      index = buildActionIndex(catalog.operations);
      actionIndexes.set(catalog.operations, index);
    }
    return index;
  }, [catalog.operations]);
}
