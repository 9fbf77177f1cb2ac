import type { CreatePaymentIntentInput } from '../api/create-payment-intent';

/**
 * Keeps the request that opened a payment's hosted checkout for this browser tab (sessionStorage), so that
 * coming back from the hosted page with `?canceled=1` can retry with the same Idempotency-Key: the server
 * then returns the same payment's open session, or a new one, never a second payment.
 */
const keyFor = (paymentId: string) => `payment.checkoutRequest.${paymentId}`;

export function saveCheckoutRequest(paymentId: string, request: CreatePaymentIntentInput): void {
  try {
    sessionStorage.setItem(keyFor(paymentId), JSON.stringify(request));
  } catch {
    // storage blocked: the retry then offers a new payment instead
  }
}

export function loadCheckoutRequest(paymentId: string): CreatePaymentIntentInput | null {
  try {
    const stored = sessionStorage.getItem(keyFor(paymentId));
    return stored ? (JSON.parse(stored) as CreatePaymentIntentInput) : null;
  } catch {
    return null;
  }
}
