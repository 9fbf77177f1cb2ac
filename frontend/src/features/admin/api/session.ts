import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';

import { ApiError, apiRequest } from '@/lib/api-client';

import { sessionSchema } from './schemas';
import type { AdminSession, SignInRequest } from './types';

export const ADMIN_KEY = ['admin'] as const;
const SESSION_KEY = [...ADMIN_KEY, 'session'] as const;

/** Who is signed in, or null when nobody is (401). */
export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<AdminSession | null> {
  try {
    return await apiRequest('/api/admin/session', sessionSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: SESSION_KEY, queryFn: ({ signal }) => getSession({ signal }), staleTime: 60_000 });

export const useSession = () => useQuery(sessionQueryOptions());

export const signIn = (data: SignInRequest) =>
  apiRequest('/api/admin/session', sessionSchema, { method: 'POST', body: data });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signIn, onSuccess: (session) => queryClient.setQueryData(SESSION_KEY, session) });
}

/** Forgets everything the console fetched and shows sign-in (after sign-out, or when the server answers 401). */
export function forgetSession(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ queryKey: ADMIN_KEY, predicate: (q) => q.queryKey[1] !== 'session' });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/admin/session', z.undefined(), { method: 'DELETE' }),
    onSuccess: () => forgetSession(queryClient),
  });
}
