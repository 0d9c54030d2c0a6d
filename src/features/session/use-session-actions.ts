import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../lib/api-client';
import { sessionQueryOptions, type SessionView } from './queries';

export type Credentials = { region: string; clientId: string; clientSecret: string };

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => sendJson<SessionView>('POST', '/api/session', credentials),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryOptions().queryKey, session ?? null);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<null>('DELETE', '/api/session'),
    onSuccess: () => {
      queryClient.setQueryData(sessionQueryOptions().queryKey, null);
    },
  });
}
