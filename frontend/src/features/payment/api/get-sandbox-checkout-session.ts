import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';

import { apiRequest } from '@/lib/api-client';
import { sandboxCheckoutPageStatusValues, type SandboxCheckoutPage } from '@/types/api-types';

const sandboxCheckoutPageSchema = z.object({
  sessionId: z.string(),
  paymentId: z.string(),
  clientSecret: z.nullable(z.string()),
  itemName: z.string(),
  amount: z.int(),
  currency: z.string(),
  status: z.enum(sandboxCheckoutPageStatusValues),
  successUrl: z.string(),
  cancelUrl: z.string(),
}) satisfies z.ZodMiniType<SandboxCheckoutPage>;

export const getSandboxCheckoutSession = (sessionId: string, signal?: AbortSignal): Promise<SandboxCheckoutPage> =>
  apiRequest(`/api/payment/sandbox/checkout/${encodeURIComponent(sessionId)}`, sandboxCheckoutPageSchema, { signal });

/** Read once: the page then pays through the card form and leaves. */
export const useSandboxCheckoutSession = (sessionId: string) =>
  useQuery({
    queryKey: ['sandbox-checkout', sessionId],
    queryFn: ({ signal }) => getSandboxCheckoutSession(sessionId, signal),
    staleTime: Infinity,
  });
