import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';

import { dateRangeToApi, PAGE_SIZE } from '../utils/filters';

import { backfillResultSchema, gatewayEventPageSchema, gatewayEventSchema, replayResultSchema } from './schemas';
import { ADMIN_KEY } from './session';
import type { EventOutcome } from './types';

const EVENTS_KEY = [...ADMIN_KEY, 'events'] as const;

/** The event log's filters; `from`/`to` are yyyy-mm-dd in UTC, both inclusive. */
export type EventFilters = {
  type: string;
  outcome: EventOutcome | '';
  paymentId: string;
  from: string;
  to: string;
  page: number;
};

export function eventFiltersToApi(filters: EventFilters): URLSearchParams {
  const search = dateRangeToApi(filters.from, filters.to);
  if (filters.type) search.set('type', filters.type);
  if (filters.outcome) search.set('outcome', filters.outcome);
  if (filters.paymentId) search.set('paymentId', filters.paymentId);
  search.set('page', String(filters.page));
  search.set('size', String(PAGE_SIZE));
  return search;
}

export const eventsQueryOptions = (filters: EventFilters) =>
  queryOptions({
    queryKey: [...EVENTS_KEY, 'list', filters],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/events?${eventFiltersToApi(filters).toString()}`, gatewayEventPageSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const useEvents = (filters: EventFilters) => useQuery(eventsQueryOptions(filters));

const eventPath = (eventId: string) => `/api/admin/events/${encodeURIComponent(eventId)}`;

export const useEvent = (eventId: string) =>
  useQuery({
    queryKey: [...EVENTS_KEY, 'detail', eventId],
    queryFn: ({ signal }) => apiRequest(eventPath(eventId), gatewayEventSchema, { signal }),
  });

/** A replay changes the event's outcome and maybe a payment: everything the console shows may be stale. */
function useRefreshConsole() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ADMIN_KEY });
}

export function useReplayEvent(eventId: string) {
  const onSuccess = useRefreshConsole();
  return useMutation({
    mutationFn: () => apiRequest(`${eventPath(eventId)}/replay`, replayResultSchema, { method: 'POST', body: {} }),
    onSuccess,
  });
}

export function useBackfill() {
  const onSuccess = useRefreshConsole();
  return useMutation({
    mutationFn: (since: string) =>
      apiRequest('/api/admin/events/backfill', backfillResultSchema, { method: 'POST', body: { since } }),
    onSuccess,
  });
}
