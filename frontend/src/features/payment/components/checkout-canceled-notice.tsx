import { useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/api-client';

import { goToCheckout, useCreateCheckoutSession } from '../api/create-checkout-session';
import { loadCheckoutRequest } from '../utils/checkout-request-store';

/**
 * Back from the hosted checkout page through its back link (`?canceled=1`): nothing was paid. The retry
 * sends the same request with the same Idempotency-Key, so it reopens this payment's session (or a new
 * one for it), never a second payment.
 */
export function CheckoutCanceledNotice({ paymentId }: { paymentId: string }) {
  const [request] = useState(() => loadCheckoutRequest(paymentId));
  const reopen = useCreateCheckoutSession();

  const retry = () => {
    if (request) reopen.mutate(request, { onSuccess: (session) => goToCheckout(session.url) });
  };

  return (
    <Alert role="alert" title="Payment not completed">
      <p>You left the payment page before paying; nothing was charged.</p>
      {reopen.isError && <p>{describeError(reopen.error)}</p>}
      <div className="button-row">
        {request && (
          <Button onClick={retry} busy={reopen.isPending}>
            Try again
          </Button>
        )}
        <a className="button button--link" href={paths.newPayment.getHref()}>
          Start a new payment
        </a>
      </div>
    </Alert>
  );
}
