import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Branch, Model, Operation, Section } from '../../domain/catalog/types';
import { rootListingQueryOptions, sectionQueryOptions } from './queries';

export type CatalogState = {
  /** the root listing itself failed: nothing can be shown */
  rootError: Error | null;
  rootPending: boolean;
  total: number;
  loaded: number;
  failed: { path: string; message: string }[];
  sections: Section[];
  operations: Operation[];
  operationById: ReadonlyMap<string, Operation>;
  modelsOf: (section: string) => Readonly<Record<string, Model>>;
  retryFailed: () => void;
};

type SectionResults = Pick<
  CatalogState,
  'total' | 'loaded' | 'failed' | 'sections' | 'operations' | 'operationById' | 'modelsOf'
> & {
  refetchFailed: (() => unknown)[];
};

function combineSections(results: UseQueryResult<Section>[], paths: string[]): SectionResults {
  const sections = results.flatMap((r) => (r.data ? [r.data] : []));
  const operations = sections.flatMap((s) => s.operations);
  const bySection = new Map(sections.map((s) => [s.path, s.models]));
  return {
    total: results.length,
    loaded: sections.length,
    failed: results.flatMap((r, i) =>
      r.isError ? [{ path: paths[i] ?? '', message: r.error.message }] : [],
    ),
    refetchFailed: results.filter((r) => r.isError).map((r) => r.refetch),
    sections,
    operations,
    operationById: new Map(operations.map((op) => [op.id, op])),
    modelsOf: (section) => bySection.get(section) ?? {},
  };
}

/**
 * The catalogue of a region and branch: the root listing, then every section, each its own query so that a
 * failed section is reported and retried without losing the others.
 */
export function useCatalog(region: string, branch: Branch): CatalogState {
  const root = useQuery(rootListingQueryOptions(region, branch));
  const paths = (root.data ?? []).map((ref) => ref.path);
  const pathsKey = paths.join('\n');
  const combine = useCallback(
    (results: UseQueryResult<Section>[]) => combineSections(results, pathsKey.split('\n')),
    [pathsKey],
  );
  const sections = useQueries({
    queries: paths.map((path) => ({ ...sectionQueryOptions(region, branch, path), retry: 1 })),
    combine,
  });
  const { refetchFailed, ...rest } = sections;
  return {
    ...rest,
    rootError: root.error,
    rootPending: root.isPending,
    retryFailed: () => {
      if (root.isError) void root.refetch();
      for (const refetch of refetchFailed) void refetch();
    },
  };
}
