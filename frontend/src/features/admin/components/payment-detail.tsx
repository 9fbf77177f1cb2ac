import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { getPaymentConfigQueryOptions } from '@/features/payment/api/get-payment-config';
import type { PaymentStatus } from '@/types/api-types';
import type { AdminPaymentDetail } from '@/types/api-types';

import { usePayment, usePaymentChanges } from '../api/payments';
import type { Role } from '../api/types';
import { formatDateTime, formatMoney, problemText, STATUS_LABEL } from '../utils/format';

import { CancelDialog } from './cancel-dialog';
import { DisputesTable } from './disputes-table';
import { RefundDialog } from './refund-dialog';
import { StatusBadge } from './status-badge';
import { SummaryList, type SummaryRow } from './summary-list';

const REFUNDABLE: PaymentStatus[] = ['succeeded', 'partially_refunded'];
const CANCELABLE: PaymentStatus[] = ['pending', 'requires_action', 'processing', 'failed'];

/** The PaymentIntent in Stripe's Dashboard (test-mode path when the service runs on test keys). */
function StripeLink({ reference }: { reference: string }) {
  const config = useQuery(getPaymentConfigQueryOptions());
  const test = config.data?.publishableKey?.startsWith('pk_test_') ?? true;
  return (
    <a
      href={`https://dashboard.stripe.com/${test ? 'test/' : ''}payments/${encodeURIComponent(reference)}`}
      target="_blank"
      rel="noreferrer"
    >
      Open in Stripe Dashboard<span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function Summary({ payment }: { payment: AdminPaymentDetail }) {
  const rows: SummaryRow[] = [
    ['Status', <StatusBadge status={payment.status} />],
    ['Amount', formatMoney(payment.amount, payment.currency)],
    ['Refunded', formatMoney(payment.refundedAmount, payment.currency)],
    ['Customer', `${payment.name} <${payment.email}>`],
    ['Service', payment.serviceType],
    ['Gateway', payment.gateway],
    [
      'Gateway reference',
      payment.gatewayReference && (
        <>
          <code>{payment.gatewayReference}</code>
          {payment.gateway === 'stripe' && (
            <>
              {' '}
              <StripeLink reference={payment.gatewayReference} />
            </>
          )}
        </>
      ),
    ],
    ['Transaction id', payment.transactionId && <code>{payment.transactionId}</code>],
    ['Failure', payment.failureCode && `${payment.failureCode}: ${payment.failureMessage ?? ''}`],
    ['Created', <time dateTime={payment.createdAt}>{formatDateTime(payment.createdAt)}</time>],
    ['Updated', <time dateTime={payment.updatedAt}>{formatDateTime(payment.updatedAt)}</time>],
  ];
  return <SummaryList rows={rows} />;
}

function Timeline({ history }: { history: AdminPaymentDetail['history'] }) {
  return (
    <ol className="timeline">
      {history.map((entry, i) => (
        <li key={i} className={entry.applied ? '' : 'timeline__item--ignored'}>
          <p className="timeline__head">
            <strong>
              {entry.from ? `${STATUS_LABEL[entry.from]} → ` : ''}
              {STATUS_LABEL[entry.to]}
            </strong>{' '}
            <span className={`badge ${entry.applied ? 'badge--applied' : 'badge--ignored'}`}>
              {entry.applied ? 'Applied' : 'Not applied'}
            </span>
          </p>
          <p className="muted">
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> · source {entry.source} ·{' '}
            {entry.actor ? `by ${entry.actor}` : 'by the system'}
            {entry.gatewayEventId && (
              <>
                {' '}
                · <code>{entry.gatewayEventId}</code>
              </>
            )}
          </p>
          {entry.detail && <p>{entry.detail}</p>}
        </li>
      ))}
    </ol>
  );
}

function Refunds({ payment }: { payment: AdminPaymentDetail }) {
  if (payment.refunds.length === 0) return <p className="muted">No refunds.</p>;
  return (
    <div className="table-scroll" role="region" aria-label="Refunds table" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Refund</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {payment.refunds.map((r) => (
            <tr key={r.refundId}>
              <td>
                <code>{r.refundId}</code>
              </td>
              <td className="num">{formatMoney(r.amount, payment.currency)}</td>
              <td>
                {r.status}
                {r.failureReason && <span className="block field__error">{r.failureReason}</span>}
              </td>
              <td>{r.reason ?? ''}</td>
              <td>
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Disputes({ disputes }: { disputes: AdminPaymentDetail['disputes'] }) {
  if (disputes.length === 0) return <p className="muted">No disputes.</p>;
  return (
    <DisputesTable
      disputes={disputes}
      label="Disputes table"
      idCell={(d) => (
        <Link href={`/disputes?status=${d.status}`}>
          <code>{d.disputeId}</code>
        </Link>
      )}
    />
  );
}

export function PaymentDetail({ paymentId, role }: { paymentId: string; role: Role }) {
  const payment = usePayment(paymentId);
  usePaymentChanges(paymentId);
  const [dialog, setDialog] = useState<'refund' | 'cancel' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const done = (message: string) => {
    setDialog(null);
    setAnnouncement(message);
  };

  if (payment.isPending) return <Spinner label="Loading the payment" />;
  if (payment.isError) {
    return (
      <Alert role="alert" title="The payment could not be loaded">
        {problemText(payment.error)}
      </Alert>
    );
  }
  const p = payment.data;
  const mayAct = role !== 'viewer';
  return (
    <div className="stack stack--lg">
      <p>
        <Link href="/payments">← All payments</Link>
      </p>
      <div className="toolbar">
        <h1>
          Payment <code>{p.paymentId}</code>
        </h1>
        {mayAct && (
          <div className="button-row">
            {REFUNDABLE.includes(p.status) && <Button onClick={() => setDialog('refund')}>Refund…</Button>}
            {CANCELABLE.includes(p.status) && (
              <Button variant="danger" onClick={() => setDialog('cancel')}>
                Cancel payment…
              </Button>
            )}
          </div>
        )}
      </div>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {p.needsAttention && (
        <Alert title="Needs attention">{p.attentionReason ?? 'Check the refunds and disputes below.'}</Alert>
      )}
      <Summary payment={p} />
      <section className="stack" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <Timeline history={p.history} />
      </section>
      <section className="stack" aria-labelledby="refunds-title">
        <h2 id="refunds-title">Refunds</h2>
        <Refunds payment={p} />
      </section>
      <section className="stack" aria-labelledby="disputes-title">
        <h2 id="disputes-title">Disputes</h2>
        <Disputes disputes={p.disputes} />
      </section>
      {dialog === 'refund' && <RefundDialog payment={p} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'cancel' && <CancelDialog payment={p} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
