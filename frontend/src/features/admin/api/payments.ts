import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { apiRequest } from '@/lib/api-client';
import { paymentStatusEventsUrl } from '@/lib/payment-status-events';

import { filtersToApi } from '../utils/filters';

import { paymentDetailSchema, paymentPageSchema, paymentSchema, refundSchema } from './schemas';
import { ADMIN_KEY } from './session';
import type { PaymentFilters } from './types';

const PAYMENTS_KEY = [...ADMIN_KEY, 'payments'] as const;
/** No live stream for the console yet: the list refreshes this often (and on window focus). */
export const LIST_REFRESH_MS = 5_000;

const paymentPath = (paymentId: string) => `/api/admin/payments/${encodeURIComponent(paymentId)}`;

export const paymentsQueryOptions = (filters: PaymentFilters) =>
  queryOptions({
    queryKey: [...PAYMENTS_KEY, 'list', filters],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/payments?${filtersToApi(filters, true).toString()}`, paymentPageSchema, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });

export const usePayments = (filters: PaymentFilters) => useQuery(paymentsQueryOptions(filters));

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
