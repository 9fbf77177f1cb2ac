import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { PaymentConfig } from '@/types/api-types';

import { paymentConfigSchema } from './schemas';

export const getPaymentConfig = ({ signal }: { signal?: AbortSignal } = {}): Promise<PaymentConfig> =>
  apiRequest('/api/payment/config', paymentConfigSchema, { signal });

export const getPaymentConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['payment-config'],
    queryFn: ({ signal }) => getPaymentConfig({ signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const usePaymentConfig = () => useQuery(getPaymentConfigQueryOptions());
