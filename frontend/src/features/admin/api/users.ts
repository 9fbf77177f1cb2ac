import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';

import { userSchema, usersSchema } from './schemas';
import { ADMIN_KEY } from './session';
import type { CreateUserRequest, UpdateUserRequest } from './types';

const USERS_KEY = [...ADMIN_KEY, 'users'] as const;

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => apiRequest('/api/admin/users', usersSchema, { signal }),
  });

export const useUsers = () => useQuery(usersQueryOptions());

export const createUser = (data: CreateUserRequest) =>
  apiRequest('/api/admin/users', userSchema, { method: 'POST', body: data });

export const updateUser = (username: string, data: UpdateUserRequest) =>
  apiRequest(`/api/admin/users/${encodeURIComponent(username)}`, userSchema, { method: 'PATCH', body: data });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, data }: { username: string; data: UpdateUserRequest }) => updateUser(username, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
