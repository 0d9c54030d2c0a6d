import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PolicyInput } from '../../domain/iam/policy';
import { callProxy, sendJson, ApiError } from '../../lib/api-client';

/** The session's helper account: signed in on the server, used for reading and writing policies. */
export function useHelperSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { clientId: string; clientSecret: string }) =>
      sendJson('POST', '/api/session/helper', credentials),
    onSuccess: () =>
      queryClient
        .invalidateQueries({ queryKey: ['session'] })
        .then(() => queryClient.invalidateQueries({ queryKey: ['diagnose'] })),
  });
}

export type CreatedPolicy = { id: string; name: string };

/** POST /v2/iam/policy with the helper account's token. OVH's refusals come back as readable errors. */
export function useCreatePolicy(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (policy: PolicyInput): Promise<CreatedPolicy> => {
      const result = await callProxy(`/api/ovh/${region}/v2/iam/policy`, {
        method: 'POST',
        body: JSON.stringify(policy),
        headers: { 'X-Explorer-As': 'helper' },
      });
      const body = result.json as
        { id?: string; name?: string; message?: string; details?: Record<string, string> } | undefined;
      if (result.status === 200 || result.status === 201)
        return { id: body?.id ?? '', name: body?.name ?? policy.name };
      const missing = body?.details?.unauthorizedActionsByIAM;
      const message = missing
        ? `The helper account may not create policies: it lacks ${missing}.`
        : (body?.message ?? `OVHcloud answered ${result.status}.`);
      throw new ApiError(result.status, 'policy_not_created', message);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['diagnose'] }),
  });
}
