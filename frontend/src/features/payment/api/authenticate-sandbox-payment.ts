import { useMutation } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { SandboxAuthenticateRequest, SandboxConfirmResponse } from '@/types/api-types';

import { sandboxConfirmResponseSchema } from './schemas';

export type AuthenticateSandboxPaymentInput = { paymentId: string; data: SandboxAuthenticateRequest };

export const authenticateSandboxPayment = ({
  paymentId,
  data,
}: AuthenticateSandboxPaymentInput): Promise<SandboxConfirmResponse> =>
  apiRequest(
    `/api/payment/sandbox/payments/${encodeURIComponent(paymentId)}/authenticate`,
    sandboxConfirmResponseSchema,
    {
      method: 'POST',
      body: data,
    },
  );

export const useAuthenticateSandboxPayment = () => useMutation({ mutationFn: authenticateSandboxPayment });
