import { queryOptions } from '@tanstack/react-query';
import { ApiError, getJson } from '../../lib/api-client';

export type DemoAccount = { clientId: string; clientSecret: string; label: string; description: string };

export type Region = {
  id: string;
  label: string;
  apiBase: string;
  tokenUrl: string;
  demoAccounts?: DemoAccount[];
};

export type CredentialView = {
  clientId: string;
  scope: string;
  expiresAt: string;
  identity: { account: string; method: string; urns: string[] };
};

/** The signed-in service account and, when one is set, the helper account that reads and writes policies. */
export type SessionView = CredentialView & {
  region: string;
  helper: CredentialView | null;
};

export const regionsQueryOptions = () =>
  queryOptions({
    queryKey: ['session', 'all', 'regions'] as const,
    queryFn: ({ signal }) => getJson<Region[]>('/api/regions', signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The signed-in service account, or null when there is none (a 401 no_session is an answer, not an error). */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session', 'all', 'current'] as const,
    queryFn: async ({ signal }): Promise<SessionView | null> => {
      try {
        return await getJson<SessionView>('/api/session', signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
