import { useEffect } from 'react';
import { useParams } from 'wouter';

import { PaymentCheckout } from '@/features/payment/components/payment-checkout';
import { PaymentConfigGate } from '@/features/payment/components/payment-config-gate';

export function PaymentStatusRoute() {
  const { paymentId = '' } = useParams();
  useEffect(() => {
    document.title = 'Your payment';
  }, []);

  return (
    <div className="card">
      <h1>Your payment</h1>
      <PaymentConfigGate>
        {(config) => <PaymentCheckout key={paymentId} config={config} paymentId={paymentId} />}
      </PaymentConfigGate>
    </div>
  );
}
