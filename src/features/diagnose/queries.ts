import { queryOptions } from '@tanstack/react-query';
import type { Policy } from '../../domain/iam/policy';
import { callProxy, type ProxyResult } from '../../lib/api-client';

export type As = 'primary' | 'helper';

const headersFor = (as: As): Record<string, string> => (as === 'helper' ? { 'X-Explorer-As': 'helper' } : {});

/** The policies that name an identity, or why they cannot be read: a 403 is an answer here, not an error. */
export type PolicyRead =
  | { readable: true; policies: Policy[]; as: As }
  | { readable: false; as: As; status: number; message: string; missingAction?: string };

async function readPolicies(region: string, identity: string, as: As): Promise<PolicyRead> {
  const result = await callProxy(
    `/api/ovh/${region}/v2/iam/policy?identity=${encodeURIComponent(identity)}`,
    { method: 'GET', headers: headersFor(as) },
  );
  if (result.status === 200 && Array.isArray(result.json))
    return { readable: true, policies: result.json as Policy[], as };
  const body = result.json as
    { message?: string; details?: { unauthorizedActionsByIAM?: string } } | undefined;
  return {
    readable: false,
    as,
    status: result.status,
    message: body?.message ?? result.statusText,
    ...(body?.details?.unauthorizedActionsByIAM
      ? { missingAction: body.details.unauthorizedActionsByIAM }
      : {}),
  };
}

export const policiesQueryOptions = (region: string, identity: string, as: As, enabled = true) =>
  queryOptions({
    queryKey: ['diagnose', region, 'policies', { identity, as }] as const,
    queryFn: () => readPolicies(region, identity, as),
    enabled: enabled && identity !== '',
    staleTime: 0,
  });

export type ResourceMeta = {
  urn: string;
  name: string;
  displayName: string;
  type: string;
  owner: string;
  tags: Record<string, string>;
};

/** The resource as IAM knows it (GET /v2/iam/resource/{urn} needs no action): confirms the URN, gives its tags. */
export const resourceQueryOptions = (region: string, urn: string, enabled = true) =>
  queryOptions({
    queryKey: ['diagnose', region, 'resource', { urn }] as const,
    queryFn: async (): Promise<
      { found: true; resource: ResourceMeta } | { found: false; status: number; message: string }
    > => {
      const result = await callProxy(`/api/ovh/${region}/v2/iam/resource/${encodeURIComponent(urn)}`, {
        method: 'GET',
      });
      if (result.status === 200) return { found: true, resource: result.json as ResourceMeta };
      return {
        found: false,
        status: result.status,
        message: (result.json as { message?: string } | undefined)?.message ?? result.statusText,
      };
    },
    enabled: enabled && urn !== '',
    staleTime: 30_000,
  });

export type CheckResult = { authorizedActions: string[]; unauthorizedActions: string[] };

/** POST /v2/iam/resource/{urn}/authorization/check: the caller checks its own rights, no IAM action needed. */
export async function checkAuthorization(
  region: string,
  urn: string,
  actions: string[],
): Promise<CheckResult | ProxyResult> {
  const result = await callProxy(
    `/api/ovh/${region}/v2/iam/resource/${encodeURIComponent(urn)}/authorization/check`,
    {
      method: 'POST',
      body: JSON.stringify({ actions }),
    },
  );
  return result.status === 200 ? (result.json as CheckResult) : result;
}

export const authorizationCheckQueryOptions = (
  region: string,
  urn: string,
  actions: string[],
  enabled = true,
) =>
  queryOptions({
    queryKey: ['diagnose', region, 'check', { urn, actions }] as const,
    queryFn: () => checkAuthorization(region, urn, actions),
    enabled: enabled && urn !== '' && actions.length > 0,
    staleTime: 0,
  });
