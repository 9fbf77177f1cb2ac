import { useEffect } from 'react';
import { useLocation } from 'wouter';

import { paths } from '@/config/paths';
import { PaymentConfigGate } from '@/features/payment/components/payment-config-gate';
import { PaymentForm } from '@/features/payment/components/payment-form';

export function NewPaymentRoute() {
  const [, navigate] = useLocation();
  useEffect(() => {
    document.title = 'Make a payment';
  }, []);

  return (
    <div className="card">
      <h1>Make a payment</h1>
      <p className="lead">Fill in your details, then pay by card on the next step.</p>
      <PaymentConfigGate>
        {(config) => (
          <PaymentForm config={config} onCreated={(payment) => navigate(paths.payment.getHref(payment.paymentId))} />
        )}
      </PaymentConfigGate>
    </div>
  );
}
