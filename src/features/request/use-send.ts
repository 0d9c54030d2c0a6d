import { useMutation } from '@tanstack/react-query';
import { callProxy, type ProxyResult } from '../../lib/api-client';

export type PreparedCall = {
  method: string;
  /** the proxied URL: /api/ovh/<region>/<branch><path>?<query> */
  url: string;
  body?: string;
  headers: Record<string, string>;
  /** the call's path parameter values, in path order (the explainer needs them) */
  pathParams: string[];
  /** every value the user gave, by parameter name */
  values: Record<string, string>;
};

export type SentCall = { call: PreparedCall; result: ProxyResult };

export function useSend(onSettled?: () => void) {
  return useMutation({
    mutationFn: async (call: PreparedCall): Promise<SentCall> => ({
      call,
      result: await callProxy(call.url, { method: call.method, body: call.body, headers: call.headers }),
    }),
    onSettled,
  });
}
