import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

import { ApiError } from './api-client';

const queryConfig = {
  queries: {
    refetchOnWindowFocus: true,
    staleTime: 0,
    // Client errors (404 and friends) will not fix themselves; network and 5xx errors might.
    retry: (failureCount, error) => {
      if (error instanceof ApiError && error.status < 500 && error.status !== 429) return false;
      return failureCount < 3;
    },
  },
  mutations: { retry: false },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
