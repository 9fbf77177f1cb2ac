import { queryOptions, useQuery } from '@tanstack/react-query';

import { ApiError, apiRequest } from '@/lib/api-client';
import type { PaymentStatusResponse } from '@/types/api-types';

import { shouldKeepPolling } from '../utils/payment-status';

import { paymentStatusResponseSchema } from './schemas';

export const getPaymentStatus = (
  paymentId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PaymentStatusResponse> =>
  apiRequest(`/api/payment/status/${encodeURIComponent(paymentId)}`, paymentStatusResponseSchema, { signal });

export const getPaymentStatusQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: ['payment-status', paymentId],
    queryFn: ({ signal }) => getPaymentStatus(paymentId, { signal }),
  });

export type UsePaymentStatusOptions = {
  paymentId: string;
  /** Milliseconds between polls while the payment is unresolved. */
  intervalMs: number;
  /**
   * `updatedAt` of the failed status the customer is retrying from. While the server still
   * reports that same failure, polling continues; a new failure stops it again.
   */
  retryingFrom: string | null;
  /** The event stream keeps the status up to date: no polling. */
  streaming: boolean;
};

/**
 * Polls the payment status with `refetchInterval` until it reaches a status where nothing more will happen on its
 * own, unless the event stream delivers it.
 */
export const usePaymentStatus = ({ paymentId, intervalMs, retryingFrom, streaming }: UsePaymentStatusOptions) =>
  useQuery({
    ...getPaymentStatusQueryOptions(paymentId),
    refetchInterval: (query) => {
      if (streaming) return false;
      const { data, error } = query.state;
      if (!data) return error instanceof ApiError && error.status === 404 ? false : intervalMs;
      return shouldKeepPolling(data, retryingFrom) ? intervalMs : false;
    },
  });
