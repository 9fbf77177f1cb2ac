import type { PaymentStatus, PaymentStatusResponse } from '@/types/api-types';

/**
 * `payable`: the customer can (still) pay with a card on this payment; `final`: nothing changes
 * unless an admin acts, so polling stops for good. Typed as a full `Record`, so a status added to
 * openapi.yaml does not compile until it is placed here.
 */
const STATUS_KIND = {
  pending: 'payable',
  requires_action: 'payable',
  failed: 'payable',
  processing: 'moving',
  succeeded: 'final',
  canceled: 'final',
  partially_refunded: 'final',
  refunded: 'final',
} as const satisfies Record<PaymentStatus, 'payable' | 'moving' | 'final'>;

export const isFinalStatus = (status: PaymentStatus) => STATUS_KIND[status] === 'final';
export const isPayableStatus = (status: PaymentStatus) => STATUS_KIND[status] === 'payable';

/**
 * Polling continues while the payment can still move on its own. `failed` stops polling — the
 * customer has to act — except while a retry started from exactly that failure is in flight.
 */
export function shouldKeepPolling(payment: PaymentStatusResponse, retryingFrom: string | null): boolean {
  if (isFinalStatus(payment.status)) return false;
  if (payment.status === 'failed') return retryingFrom !== null && payment.updatedAt === retryingFrom;
  return true;
}

type StatusTone = 'neutral' | 'progress' | 'success' | 'danger';

export type StatusCopy = { title: string; body: string; tone: StatusTone };

type StatusContext = {
  /** The customer can pay on this device (client secret known). */
  canPay: boolean;
  /** A card was just submitted and the server has not reported the result yet. */
  confirming: boolean;
  refunded: string;
};

/** Plain-language text for each status. */
export function describeStatus(status: PaymentStatus, ctx: StatusContext): StatusCopy {
  if (ctx.confirming && (status === 'pending' || status === 'failed' || status === 'requires_action')) {
    return { title: 'Confirming your payment…', body: 'Please keep this page open.', tone: 'progress' };
  }
  switch (status) {
    case 'pending':
      return ctx.canPay
        ? {
            title: 'Waiting for your card details',
            body: 'Enter your card below to complete the payment.',
            tone: 'neutral',
          }
        : { title: 'Waiting for payment', body: 'We have not received a card for this payment yet.', tone: 'neutral' };
    case 'requires_action':
      return {
        title: 'Authentication needed',
        body: 'Your bank asks you to confirm this payment (3-D Secure).',
        tone: 'progress',
      };
    case 'processing':
      return {
        title: 'Processing your payment…',
        body: 'This usually takes a few seconds. You can keep this page open.',
        tone: 'progress',
      };
    case 'succeeded':
      return { title: 'Payment succeeded', body: 'Thank you! A receipt is on its way to your email.', tone: 'success' };
    case 'failed':
      return {
        title: 'Payment failed',
        body: ctx.canPay ? 'No money was taken. You can try another card.' : 'No money was taken.',
        tone: 'danger',
      };
    case 'canceled':
      return { title: 'Payment canceled', body: 'This payment was canceled. No money was taken.', tone: 'neutral' };
    case 'partially_refunded':
      return {
        title: 'Payment partially refunded',
        body: `${ctx.refunded} has been refunded to your card.`,
        tone: 'success',
      };
    case 'refunded':
      return { title: 'Payment refunded', body: `${ctx.refunded} has been refunded to your card.`, tone: 'neutral' };
  }
}

/** Which of the three progress steps (received → processing → result) is reached. */
export function progressStep(status: PaymentStatus, confirming: boolean): 0 | 1 | 2 {
  if (confirming || status === 'processing' || status === 'requires_action') return 1;
  if (status === 'pending') return 0;
  return 2;
}
