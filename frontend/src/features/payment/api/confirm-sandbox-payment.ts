import { useMutation } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { SandboxConfirmRequest, SandboxConfirmResponse } from '@/types/api-types';

import { sandboxConfirmResponseSchema } from './schemas';

export type ConfirmSandboxPaymentInput = { paymentId: string; data: SandboxConfirmRequest };

export const confirmSandboxPayment = ({
  paymentId,
  data,
}: ConfirmSandboxPaymentInput): Promise<SandboxConfirmResponse> =>
  apiRequest(`/api/payment/sandbox/payments/${encodeURIComponent(paymentId)}/confirm`, sandboxConfirmResponseSchema, {
    method: 'POST',
    body: data,
  });

export const useConfirmSandboxPayment = () => useMutation({ mutationFn: confirmSandboxPayment });
