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

/** Forgets the helper account (the one that reads and writes policies); the session goes on. */
export function useForgetHelper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<null>('DELETE', '/api/session/helper'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['session'] }),
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
