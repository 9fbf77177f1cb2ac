import { useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { randomId } from '@/lib/random-id';
import type { AdminPaymentDetail } from '@/types/api-types';

import { useCancelPayment } from '../api/payments';
import { formatMoney, problemText } from '../utils/format';

import { Dialog } from './dialog';

type CancelDialogProps = {
  payment: AdminPaymentDetail;
  onClose: () => void;
  onDone: (message: string) => void;
};

export function CancelDialog({ payment, onClose, onDone }: CancelDialogProps) {
  const cancel = useCancelPayment(payment.paymentId);
  const [idempotencyKey] = useState(randomId); // one per opening: a retry after a lost answer is the same cancel
  return (
    <Dialog title="Cancel payment" onClose={onClose} busy={cancel.isPending}>
      <div className="stack">
        <p>
          Cancel the {formatMoney(payment.amount, payment.currency)} payment of {payment.name}? The customer can no
          longer pay it.
        </p>
        {cancel.isError && (
          <Alert role="alert" title="Not canceled">
            {problemText(cancel.error)}
          </Alert>
        )}
        <div className="button-row">
          <Button
            variant="danger"
            busy={cancel.isPending}
            onClick={() => cancel.mutate({ idempotencyKey }, { onSuccess: () => onDone('Payment canceled.') })}
          >
            Cancel payment
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={cancel.isPending}>
            Keep payment
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
