import type { ReactNode } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/api-client';
import type { PaymentConfig } from '@/types/api-types';

import { usePaymentConfig } from '../api/get-payment-config';

/**
 * Loads `/api/payment/config` and renders `children` with it (or a loading / error state). In sandbox mode a note
 * above the form says that nothing is charged, so nobody mistakes it for a real checkout.
 */
export function PaymentConfigGate({ children }: { children: (config: PaymentConfig) => ReactNode }) {
  const configQuery = usePaymentConfig();

  if (configQuery.isPending) return <Spinner label="Loading the payment form…" />;
  if (configQuery.isError) {
    return (
      <Alert title="The payment form could not be loaded" role="alert">
        <p>{describeError(configQuery.error)}</p>
        <Button variant="secondary" onClick={() => void configQuery.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const config = configQuery.data;
  return (
    <>
      {config.mode === 'sandbox' && (
        <p className="sandbox-note" role="note">
          <strong>Sandbox</strong> — no real money moves; use the test cards.
        </p>
      )}
      {children(config)}
    </>
  );
}
