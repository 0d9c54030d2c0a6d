import { queryOptions } from '@tanstack/react-query';
import { parseRootListing, parseSection } from '../../domain/catalog/parse-schema';
import { BRANCH_PREFIX, type Branch } from '../../domain/catalog/types';
import { getJson } from '../../lib/api-client';

/** Schemas are the same for everybody and change rarely: keep them for an hour. */
const SCHEMA_STALE_MS = 60 * 60 * 1000;

export const rootListingQueryOptions = (region: string, branch: Branch) =>
  queryOptions({
    queryKey: ['catalog', region, 'root', { branch }] as const,
    queryFn: async ({ signal }) =>
      parseRootListing(await getJson(`/api/ovh/${region}/${BRANCH_PREFIX[branch]}/`, signal)),
    staleTime: SCHEMA_STALE_MS,
  });

export const sectionQueryOptions = (region: string, branch: Branch, path: string) =>
  queryOptions({
    queryKey: ['catalog', region, 'section', { branch, path }] as const,
    queryFn: async ({ signal }) =>
      parseSection(await getJson(`/api/ovh/${region}/${BRANCH_PREFIX[branch]}${path}.json`, signal), branch),
    staleTime: SCHEMA_STALE_MS,
  });
