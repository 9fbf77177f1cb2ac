import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { apiRequest } from '@/lib/api-client';
import { paymentStatusEventsUrl } from '@/lib/payment-status-events';

import { filtersToApi } from '../utils/filters';

import { paymentDetailSchema, paymentPageSchema, paymentSchema, refundSchema } from './schemas';
import { ADMIN_KEY } from './session';
import type { PaymentFilters } from './types';

const PAYMENTS_KEY = [...ADMIN_KEY, 'payments'] as const;
const LIST_KEY = [...PAYMENTS_KEY, 'list'] as const;
/** Without a live stream, the list and the detail refresh this often (and on window focus). */
export const LIST_REFRESH_MS = 5_000;
/** Every payment's changes, pushed (server-sent `changed` events). */
export const PAYMENT_CHANGES_URL = '/api/admin/payments/events';
/** Changes that come faster than this are read with one refetch. */
export const CHANGES_COALESCE_MS = 1_000;

const paymentPath = (paymentId: string) => `/api/admin/payments/${encodeURIComponent(paymentId)}`;

export const paymentsQueryOptions = (filters: PaymentFilters) =>
  queryOptions({
    queryKey: [...LIST_KEY, filters],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/payments?${filtersToApi(filters, true).toString()}`, paymentPageSchema, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });

/** The list, refetched when the change stream says so; polled while that stream is not open. */
export function usePayments(filters: PaymentFilters) {
  const live = usePaymentListChanges();
  return useQuery({ ...paymentsQueryOptions(filters), refetchInterval: live ? false : LIST_REFRESH_MS });
}

/**
 * Refetches the list shown whenever any payment changes, on whichever instance: the console's change stream says
 * so, and at most once a second. Also on each (re)connection, since changes made while it was closed are not sent.
 * Returns whether the stream is open. When EventSource is missing, the server refuses the stream, or it fails twice
 * in a row, it gives up and the list keeps polling.
 */
export function usePaymentListChanges(): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(PAYMENT_CHANGES_URL);
    let failures = 0;
    let lastRefetch = 0;
    let pending: number | undefined;
    const refetch = () => {
      if (pending !== undefined) return;
      pending = window.setTimeout(
        () => {
          pending = undefined;
          lastRefetch = Date.now();
          void queryClient.invalidateQueries({ queryKey: LIST_KEY });
        },
        Math.max(0, lastRefetch + CHANGES_COALESCE_MS - Date.now()),
      );
    };

    source.addEventListener('open', () => {
      failures = 0;
      setLive(true);
      refetch();
    });
    source.addEventListener('changed', refetch);
    source.addEventListener('error', () => {
      failures += 1;
      setLive(false);
      if (failures >= 2 || source.readyState === EventSource.CLOSED) source.close();
    });

    return () => {
      window.clearTimeout(pending);
      source.close();
    };
  }, [queryClient]);

  return live;
}

/** The CSV export of everything the filters match (a plain link: the browser downloads it with the session cookie). */
export const exportCsvHref = (filters: PaymentFilters) =>
  `/api/admin/payments/export.csv?${filtersToApi(filters, false).toString()}`;

export const paymentQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: [...PAYMENTS_KEY, 'detail', paymentId],
    queryFn: ({ signal }) => apiRequest(paymentPath(paymentId), paymentDetailSchema, { signal }),
    refetchInterval: LIST_REFRESH_MS,
  });

export const usePayment = (paymentId: string) => useQuery(paymentQueryOptions(paymentId));

/**
 * Reloads the payment as soon as it changes, on whichever instance: the status stream the Payment page uses says
 * so. Without EventSource (or while the stream is down) the detail still refreshes on its interval.
 */
export function usePaymentChanges(paymentId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(paymentStatusEventsUrl(paymentId));
    source.addEventListener('status', () => {
      void queryClient.invalidateQueries({ queryKey: paymentQueryOptions(paymentId).queryKey });
    });
    return () => source.close();
  }, [paymentId, queryClient]);
}

export type RefundInput = { amount?: number; idempotencyKey: string };

/** Refunds `amount` minor units, or everything left when `amount` is omitted. */
export const refundPayment = (paymentId: string, { amount, idempotencyKey }: RefundInput) =>
  apiRequest(`${paymentPath(paymentId)}/refunds`, refundSchema, {
    method: 'POST',
    body: amount === undefined ? {} : { amount },
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const cancelPayment = (paymentId: string, { idempotencyKey }: { idempotencyKey: string }) =>
  apiRequest(`${paymentPath(paymentId)}/cancel`, paymentSchema, {
    method: 'POST',
    body: {},
    headers: { 'Idempotency-Key': idempotencyKey },
  });

function useRefreshPayments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
}

export function useRefundPayment(paymentId: string) {
  const onSuccess = useRefreshPayments();
  return useMutation({ mutationFn: (input: RefundInput) => refundPayment(paymentId, input), onSuccess });
}

export function useCancelPayment(paymentId: string) {
  const onSuccess = useRefreshPayments();
  return useMutation({
    mutationFn: (input: { idempotencyKey: string }) => cancelPayment(paymentId, input),
    onSuccess,
  });
}
