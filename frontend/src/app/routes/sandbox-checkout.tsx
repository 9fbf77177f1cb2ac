import { useEffect } from 'react';
import { useParams } from 'wouter';

import { PaymentConfigGate } from '@/features/payment/components/payment-config-gate';
import { SandboxHostedCheckout } from '@/features/payment/components/sandbox-hosted-checkout';

/** /sandbox/checkout/{sessionId}: the sandbox's stand-in for Stripe's hosted checkout page. */
export function SandboxCheckoutRoute() {
  const { sessionId = '' } = useParams();
  useEffect(() => {
    document.title = 'Sandbox checkout';
  }, []);

  return (
    <div className="card">
      <h1>Sandbox checkout</h1>
      <p className="lead">An imitation of Stripe&apos;s hosted checkout page.</p>
      <PaymentConfigGate>
        {(config) => <SandboxHostedCheckout config={config} sessionId={sessionId} />}
      </PaymentConfigGate>
    </div>
  );
}
