import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';

// This module is loaded lazily, only in stripe mode. Stripe.js itself comes from js.stripe.com.

const stripeByKey = new Map<string, Promise<Stripe | null>>();
function getStripe(publishableKey: string): Promise<Stripe | null> {
  let promise = stripeByKey.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    stripeByKey.set(publishableKey, promise);
  }
  return promise;
}

type StripeCardFormProps = {
  publishableKey: string;
  clientSecret: string;
  paymentId: string;
  amountLabel: string;
  resetToken: number;
  onAccepted: () => void;
  onChanged: () => void;
};

export default function StripeCardForm({ publishableKey, clientSecret, ...rest }: StripeCardFormProps) {
  return (
    <Elements
      key={clientSecret}
      stripe={getStripe(publishableKey)}
      options={{
        clientSecret,
        appearance: {
          theme: 'stripe',
          variables: { colorPrimary: '#0b4f8a', borderRadius: '8px', fontFamily: 'system-ui, sans-serif' },
        },
      }}
    >
      <StripeCheckout {...rest} />
    </Elements>
  );
}

function StripeCheckout({
  paymentId,
  amountLabel,
  resetToken,
  onAccepted,
  onChanged,
}: Omit<StripeCardFormProps, 'publishableKey' | 'clientSecret'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const inFlight = useRef(false);

  useEffect(() => {
    if (resetToken === 0 || !elements) return;
    const element = elements.getElement('payment');
    element?.clear();
    element?.focus();
  }, [resetToken, elements]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stripe || !elements || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    try {
      const { error } = await stripe.confirmPayment({
        elements,
        redirect: 'if_required',
        confirmParams: { return_url: `${window.location.origin}${paths.payment.getHref(paymentId)}` },
      });
      if (error) {
        setMessage(
          error.type === 'card_error' || error.type === 'validation_error'
            ? (error.message ?? 'Your card was declined.')
            : 'Something went wrong while confirming your payment. Please try again.',
        );
        if (error.type === 'card_error') onChanged();
      } else {
        onAccepted();
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <section className="card-step" aria-labelledby="card-heading">
      <h2 id="card-heading">Card details</h2>
      <form className="stack" onSubmit={onSubmit}>
        <div className="stripe-element">
          <PaymentElement options={{ layout: 'tabs' }} />
        </div>
        {message && (
          <Alert title="Your payment did not go through">
            <p>{message}</p>
          </Alert>
        )}
        <Button type="submit" className="button--block" busy={busy} disabled={!stripe || !elements}>
          {busy ? 'Confirming…' : `Pay ${amountLabel}`}
        </Button>
      </form>
    </section>
  );
}
