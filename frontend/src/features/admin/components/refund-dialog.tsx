import { useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { randomId } from '@/lib/random-id';
import type { AdminPaymentDetail } from '@/types/api-types';
import { intlExponent, parseMajorAmount } from '@/utils/money';

import { useRefundPayment } from '../api/payments';
import { formatMoney, problemText } from '../utils/format';

import { Dialog } from './dialog';

type RefundDialogProps = {
  payment: AdminPaymentDetail;
  onClose: () => void;
  onDone: (message: string) => void;
};

export function RefundDialog({ payment, onClose, onDone }: RefundDialogProps) {
  const refund = useRefundPayment(payment.paymentId);
  const left = payment.amount - payment.refundedAmount;
  const exponent = intlExponent(payment.currency);
  const [mode, setMode] = useState<'all' | 'amount'>('all');
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState<string>();
  // One Idempotency-Key per refund asked for in this opening: a retry of the very same request after a
  // lost answer reuses it (the server answers with the refund it made); another amount gets a new key.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let amount: number | undefined;
    if (mode === 'amount') {
      const parsed = parseMajorAmount(amountText, exponent);
      if (!parsed.ok || parsed.minor < 1) {
        setAmountError(`Enter an amount like ${formatMoney(Math.min(500, left), payment.currency)}.`);
        return;
      }
      if (parsed.minor > left) {
        setAmountError(`At most ${formatMoney(left, payment.currency)} can be refunded.`);
        return;
      }
      amount = parsed.minor;
    }
    setAmountError(undefined);
    const body = JSON.stringify({ amount });
    if (attempt.current?.body !== body) attempt.current = { body, key: randomId() };
    refund.mutate(
      { amount, idempotencyKey: attempt.current.key },
      { onSuccess: (r) => onDone(`Refunded ${formatMoney(r.amount, payment.currency)}.`) },
    );
  };

  return (
    <Dialog title="Refund payment" onClose={onClose} busy={refund.isPending}>
      <form className="stack" onSubmit={submit} noValidate>
        <p>
          {formatMoney(left, payment.currency)} of {formatMoney(payment.amount, payment.currency)} can still be refunded
          to {payment.name}.
        </p>
        <fieldset className="stack">
          <legend>How much</legend>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'all'} onChange={() => setMode('all')} />
            Everything left ({formatMoney(left, payment.currency)})
          </label>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'amount'} onChange={() => setMode('amount')} />
            An amount
          </label>
        </fieldset>
        {mode === 'amount' && (
          <TextField
            label={`Amount in ${payment.currency}`}
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            error={amountError}
            onChange={(e) => setAmountText(e.target.value)}
          />
        )}
        {refund.isError && (
          <Alert role="alert" title="Not refunded">
            {problemText(refund.error)}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" variant="danger" busy={refund.isPending}>
            Refund
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={refund.isPending}>
            Close
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
