import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';

import { PAGE_SIZE } from '../utils/filters';

import { disputePageSchema, disputeSchema } from './schemas';
import { ADMIN_KEY } from './session';
import type { DisputeEvidenceRequest, DisputeStatus } from './types';

const DISPUTES_KEY = [...ADMIN_KEY, 'disputes'] as const;

export type DisputeFilters = { status: DisputeStatus | ''; page: number };

export const disputesQueryOptions = ({ status, page }: DisputeFilters) =>
  queryOptions({
    queryKey: [...DISPUTES_KEY, status, page],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
      if (status) search.set('status', status);
      return apiRequest(`/api/admin/disputes?${search.toString()}`, disputePageSchema, { signal });
    },
    placeholderData: keepPreviousData,
  });

export const useDisputes = (filters: DisputeFilters) => useQuery(disputesQueryOptions(filters));

const disputePath = (disputeId: string, action: 'evidence' | 'close') =>
  `/api/admin/disputes/${encodeURIComponent(disputeId)}/${action}`;

export type DisputeAction =
  | { action: 'evidence'; evidence: DisputeEvidenceRequest; idempotencyKey: string }
  | { action: 'close'; idempotencyKey: string };

/** Saves or submits evidence, or accepts the loss; the payment's detail shows disputes too, so both refresh. */
export function useDisputeAction(disputeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DisputeAction) =>
      apiRequest(disputePath(disputeId, input.action), disputeSchema, {
        method: 'POST',
        body: input.action === 'evidence' ? input.evidence : {},
        headers: { 'Idempotency-Key': input.idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_KEY }),
  });
}
