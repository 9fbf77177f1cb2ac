import { Button } from '@/components/ui/button';
import type { PaymentStatusResponse } from '@/types/api-types';

import { describeStatus, progressStep, type StatusCopy } from '../utils/payment-status';

type PaymentStatusPanelProps = {
  payment: PaymentStatusResponse;
  canPay: boolean;
  confirming: boolean;
  slow: boolean;
  refundedLabel: string;
  connectionProblem: boolean;
  onTryAnotherCard?: (() => void) | undefined;
};

const STEP_LABELS = ['Started', 'Processing', 'Result'] as const;

export function PaymentStatusPanel({
  payment,
  canPay,
  confirming,
  slow,
  refundedLabel,
  connectionProblem,
  onTryAnotherCard,
}: PaymentStatusPanelProps) {
  const copy: StatusCopy = describeStatus(payment.status, { canPay, confirming, refunded: refundedLabel });
  const step = progressStep(payment.status, confirming);
  const failed = payment.status === 'failed' && !confirming;
  const resultLabel =
    step < 2
      ? STEP_LABELS[2]
      : payment.status === 'failed'
        ? 'Failed'
        : payment.status === 'canceled'
          ? 'Canceled'
          : 'Paid';

  return (
    <section className={`status-panel status-panel--${copy.tone}`} aria-labelledby="status-heading">
      <h2 id="status-heading" className="visually-hidden">
        Payment status
      </h2>
      <ol className="steps" aria-label="Progress">
        {STEP_LABELS.map((label, i) => {
          const state = i < step ? 'done' : i === step ? 'current' : 'todo';
          return (
            <li
              key={label}
              className={`steps__item steps__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="steps__dot" aria-hidden="true" />
              <span className="steps__label">{i === 2 ? resultLabel : label}</span>
            </li>
          );
        })}
      </ol>

      <div className="status-panel__live" role="status" aria-live="polite" aria-atomic="true">
        <p className="status-panel__title">
          <StatusIcon tone={copy.tone} />
          <span data-status={confirming ? 'confirming' : payment.status}>{copy.title}</span>
        </p>
        <p className="status-panel__body">{copy.body}</p>
        {failed && (
          <p className="status-panel__reason">
            <strong>Reason:</strong> {payment.failureMessage ?? 'Your card was declined.'}
          </p>
        )}
        {payment.status !== 'pending' && payment.transactionId && (
          <p className="status-panel__txn">
            Transaction ID: <code>{payment.transactionId}</code>
          </p>
        )}
        {slow && (
          <p className="status-panel__slow">This is taking longer than usual — we will email you when it completes.</p>
        )}
        {connectionProblem && <p className="status-panel__slow">Connection problem — we keep checking.</p>}
      </div>

      {failed && canPay && onTryAnotherCard && (
        <Button variant="secondary" onClick={onTryAnotherCard}>
          Try another card
        </Button>
      )}
    </section>
  );
}

function StatusIcon({ tone }: { tone: StatusCopy['tone'] }) {
  if (tone === 'progress') return <span className="spinner" aria-hidden="true" />;
  const path =
    tone === 'success' ? 'M5 10.5l3.2 3.2L15 7' : tone === 'danger' ? 'M6.5 6.5l7 7m0-7l-7 7' : 'M10 5.5V10l3 2';
  return (
    <svg className={`status-icon status-icon--${tone}`} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" />
      <path d={path} />
    </svg>
  );
}
