import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/api-client';
import type { PaymentConfig } from '@/types/api-types';

import { goToCheckout } from '../api/create-checkout-session';
import { useSandboxCheckoutSession } from '../api/get-sandbox-checkout-session';
import { formatAmount } from '../utils/currency';

import { SandboxCardForm } from './sandbox-card-form';

/**
 * The sandbox's imitation of Stripe's hosted checkout page: the sandbox card form on the session's payment.
 * Once the card is accepted it returns to the success address, as Stripe does; the back link is the cancel one.
 */
export function SandboxHostedCheckout({ config, sessionId }: { config: PaymentConfig; sessionId: string }) {
  const session = useSandboxCheckoutSession(sessionId);

  if (session.isPending) return <Spinner label="Loading the checkout…" />;
  if (session.isError) {
    return (
      <Alert role="alert" title="This checkout could not be loaded">
        <p>{describeError(session.error)}</p>
      </Alert>
    );
  }
  const { paymentId, clientSecret, itemName, amount, currency, status, successUrl, cancelUrl } = session.data;
  const amountLabel = formatAmount(config, amount, currency);

  return (
    <div className="stack stack--lg">
      <dl className="summary">
        <div>
          <dt>Amount</dt>
          <dd className="summary__amount">{amountLabel}</dd>
        </div>
        <div>
          <dt>Service</dt>
          <dd>{itemName}</dd>
        </div>
      </dl>
      {status === 'open' && clientSecret ? (
        <SandboxCardForm
          paymentId={paymentId}
          clientSecret={clientSecret}
          amountLabel={amountLabel}
          testCards={config.testCards}
          startWithAuthentication={false}
          resetToken={0}
          onAccepted={() => goToCheckout(successUrl)}
          onChanged={() => undefined}
        />
      ) : (
        <Alert role="alert" title={status === 'complete' ? 'Already paid' : 'This checkout has expired'}>
          <p>{status === 'complete' ? 'This checkout session is complete.' : 'Start the payment again.'}</p>
        </Alert>
      )}
      <p>
        <a href={cancelUrl}>← Back (cancel)</a>
      </p>
    </div>
  );
}
