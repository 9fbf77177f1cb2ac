import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';

import { apiRequest } from '@/lib/api-client';
import type { CheckoutSessionResponse } from '@/types/api-types';

import type { CreatePaymentIntentInput } from './create-payment-intent';

const checkoutSessionResponseSchema = z.object({
  paymentId: z.string(),
  url: z.string(),
}) satisfies z.ZodMiniType<CheckoutSessionResponse>;

/**
 * The hosted flow: create-intent's request and Idempotency-Key, answered with the hosted page's URL. The
 * same key later returns the payment's open session, or a new one for the same payment if it expired.
 */
export const createCheckoutSession = ({
  data,
  idempotencyKey,
}: CreatePaymentIntentInput): Promise<CheckoutSessionResponse> =>
  apiRequest('/api/payment/stripe/checkout-session', checkoutSessionResponseSchema, {
    method: 'POST',
    body: data,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const useCreateCheckoutSession = () => useMutation({ mutationFn: createCheckoutSession });

/** Leaves the app for the hosted page (a full navigation: the page is another site). */
export const goToCheckout = (url: string) => window.location.assign(url);
