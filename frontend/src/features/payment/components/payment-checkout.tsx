import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { ApiError, describeError } from '@/lib/api-client';
import type { PaymentConfig } from '@/types/api-types';

import { getPaymentStatusQueryOptions, usePaymentStatus } from '../api/get-payment-status';
import { usePaymentStatusStream } from '../api/stream-payment-status';
import { useUnresolvedTimer } from '../hooks/use-unresolved-timer';
import { forgetClientSecret, loadClientSecret } from '../utils/client-secret-store';
import { formatAmount, serviceLabel } from '../utils/currency';
import { isFinalStatus, isPayableStatus, shouldKeepPolling } from '../utils/payment-status';

import { CheckoutCanceledNotice } from './checkout-canceled-notice';
import { PaymentStatusPanel } from './payment-status-panel';
import { SandboxCardForm } from './sandbox-card-form';

const StripeCardForm = lazy(() => import('./stripe-card-form'));

const SLOW_AFTER_MS = 60_000;
const SLOW_POLL_INTERVAL_MS = 10_000;

type PaymentCheckoutProps = {
  config: PaymentConfig;
  paymentId: string;
  /** After this long unresolved, show the "we will email you" note and poll slowly. */
  slowAfterMs?: number;
  slowPollIntervalMs?: number;
};

/** /payment/{paymentId}: live status, and the card step while the customer can still pay. */
export function PaymentCheckout({
  config,
  paymentId,
  slowAfterMs = SLOW_AFTER_MS,
  slowPollIntervalMs = SLOW_POLL_INTERVAL_MS,
}: PaymentCheckoutProps) {
  const queryClient = useQueryClient();
  const [clientSecret] = useState(() => loadClientSecret(paymentId));
  // `updatedAt` of the status shown when a card was accepted; while the server still reports
  // that same status version, the result of the card is on its way.
  const [confirmingFrom, setConfirmingFrom] = useState<string | null>(null);
  const [resetToken, setResetToken] = useState(0);
  const [slow, setSlow] = useState(false);
  // Back from the hosted checkout page through its back link.
  const [checkoutCanceled] = useState(() => new URLSearchParams(window.location.search).get('canceled') === '1');

  const stream = usePaymentStatusStream(paymentId);
  const statusQuery = usePaymentStatus({
    paymentId,
    intervalMs: slow ? slowPollIntervalMs : config.pollIntervalMs,
    retryingFrom: confirmingFrom,
    streaming: stream === 'live',
  });
  const payment = statusQuery.data;

  const confirming = payment !== undefined && confirmingFrom !== null && payment.updatedAt === confirmingFrom;
  const canPay = clientSecret !== null;
  const showCardStep = payment !== undefined && canPay && isPayableStatus(payment.status) && !confirming;
  const polling = payment !== undefined && shouldKeepPolling(payment, confirmingFrom);
  const unresolved = useUnresolvedTimer(polling && !showCardStep, slowAfterMs);
  if (unresolved !== slow) setSlow(unresolved);

  const finalStatus = payment !== undefined && isFinalStatus(payment.status);
  useEffect(() => {
    if (finalStatus) forgetClientSecret(paymentId);
  }, [finalStatus, paymentId]);

  const refreshStatus = () => void queryClient.invalidateQueries(getPaymentStatusQueryOptions(paymentId));
  const onAccepted = () => {
    if (payment) setConfirmingFrom(payment.updatedAt);
    refreshStatus();
  };

  if (statusQuery.isPending) return <Spinner label="Loading your payment…" />;
  if (!payment) {
    const notFound = statusQuery.error instanceof ApiError && statusQuery.error.status === 404;
    return (
      <Alert role="alert" title={notFound ? 'We could not find this payment' : 'We could not load your payment'}>
        <p>{notFound ? 'Check the link, or start a new payment.' : describeError(statusQuery.error)}</p>
        <div className="button-row">
          {!notFound && (
            <Button variant="secondary" onClick={() => void statusQuery.refetch()}>
              Try again
            </Button>
          )}
          <Link className="button button--link" to={paths.newPayment.getHref()}>
            Start a new payment
          </Link>
        </div>
      </Alert>
    );
  }

  const amountLabel = formatAmount(config, payment.amount, payment.currency);

  return (
    <div className="stack stack--lg">
      <dl className="summary">
        <div>
          <dt>Amount</dt>
          <dd className="summary__amount">{amountLabel}</dd>
        </div>
        <div>
          <dt>Service</dt>
          <dd>{serviceLabel(config, payment.serviceType)}</dd>
        </div>
        <div className="summary__wide">
          <dt>Payment reference</dt>
          <dd>
            <code>{payment.paymentId}</code>
          </dd>
        </div>
      </dl>

      <PaymentStatusPanel
        payment={payment}
        canPay={canPay}
        confirming={confirming}
        slow={slow}
        refundedLabel={formatAmount(config, payment.refundedAmount, payment.currency)}
        connectionProblem={statusQuery.isRefetchError}
        onTryAnotherCard={() => setResetToken((t) => t + 1)}
      />

      {checkoutCanceled && isPayableStatus(payment.status) && <CheckoutCanceledNotice paymentId={paymentId} />}

      {showCardStep && config.mode === 'sandbox' && clientSecret && (
        <SandboxCardForm
          paymentId={paymentId}
          clientSecret={clientSecret}
          amountLabel={amountLabel}
          testCards={config.testCards}
          startWithAuthentication={payment.status === 'requires_action'}
          resetToken={resetToken}
          onAccepted={onAccepted}
          onChanged={refreshStatus}
        />
      )}
      {showCardStep &&
        config.mode === 'stripe' &&
        clientSecret &&
        (config.publishableKey ? (
          <Suspense fallback={<Spinner label="Loading the secure card form…" />}>
            <StripeCardForm
              publishableKey={config.publishableKey}
              clientSecret={clientSecret}
              paymentId={paymentId}
              amountLabel={amountLabel}
              resetToken={resetToken}
              onAccepted={onAccepted}
              onChanged={refreshStatus}
            />
          </Suspense>
        ) : (
          <Alert role="alert">Card payments are not configured. Please contact us.</Alert>
        ))}

      {!canPay && config.checkout === 'embedded' && isPayableStatus(payment.status) && (
        <p className="muted">
          To pay, continue in the browser tab where you started this payment, or{' '}
          <Link to={paths.newPayment.getHref()}>start a new payment</Link>.
        </p>
      )}
      {finalStatus && (
        <p>
          <Link className="button button--secondary" to={paths.newPayment.getHref()}>
            Make another payment
          </Link>
        </p>
      )}
    </div>
  );
}
