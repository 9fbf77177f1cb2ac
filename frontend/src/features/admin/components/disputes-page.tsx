import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { randomId } from '@/lib/random-id';

import { useDisputeAction, useDisputes, type DisputeFilters } from '../api/disputes';
import { disputeStatusValues, type Dispute, type DisputeStatus, type Role } from '../api/types';
import { DISPUTE_STATUS_LABEL, formatDateTime, formatMoney, problemText } from '../utils/format';

import { Dialog } from './dialog';
import { DisputesTable } from './disputes-table';
import { Pager } from './pager';
import { DisputeBadge } from './status-badge';

/** Stripe takes no more evidence once a dispute is final. */
const FINAL: DisputeStatus[] = ['warning_closed', 'won', 'lost'];

function parseDisputeFilters(search: URLSearchParams): DisputeFilters {
  const status = search.get('status') as DisputeStatus;
  const page = Number(search.get('page'));
  return {
    status: disputeStatusValues.includes(status) ? status : '',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

function toSearch({ status, page }: DisputeFilters) {
  const search = new URLSearchParams();
  if (status) search.set('status', status);
  if (page > 0) search.set('page', String(page));
  return search;
}

function TextArea({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = `evidence-${label.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={3}
        maxLength={20_000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * A dispute's details; an operator answers it with evidence or accepts the loss (behind a confirmation).
 * Each action gets its own Idempotency-Key for this opening: a retry after a lost answer is the same request.
 */
function DisputeDialog({ dispute, role, onClose }: { dispute: Dispute; role: Role; onClose: () => void }) {
  const act = useDisputeAction(dispute.disputeId);
  const [keys] = useState(() => ({ evidence: randomId(), close: randomId() }));
  const [evidence, setEvidence] = useState({
    productDescription: '',
    customerCommunication: '',
    uncategorizedText: '',
  });
  const [submit, setSubmit] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [done, setDone] = useState('');
  const mayAnswer = role !== 'viewer' && !FINAL.includes(dispute.status);

  const saveEvidence = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(evidence).map(([k, v]) => [k, v.trim() || null]));
    act.mutate(
      { action: 'evidence', evidence: { ...trimmed, submit }, idempotencyKey: keys.evidence },
      { onSuccess: () => setDone(submit ? 'Evidence submitted.' : 'Evidence saved.') },
    );
  };
  const close = () =>
    act.mutate(
      { action: 'close', idempotencyKey: keys.close },
      { onSuccess: () => setDone('Dispute closed: the loss is accepted.') },
    );

  return (
    <Dialog title={`Dispute ${dispute.disputeId}`} onClose={onClose} busy={act.isPending}>
      <div className="stack">
        <dl className="summary">
          <div>
            <dt>Status</dt>
            <dd>
              <DisputeBadge status={act.data?.status ?? dispute.status} />
            </dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd>{formatMoney(dispute.amount, dispute.currency)}</dd>
          </div>
          <div>
            <dt>Reason</dt>
            <dd>{dispute.reason ?? '—'}</dd>
          </div>
          <div>
            <dt>Evidence due by</dt>
            <dd>{dispute.evidenceDueBy ? formatDateTime(dispute.evidenceDueBy) : '—'}</dd>
          </div>
          <div>
            <dt>Payment</dt>
            <dd>
              <Link href={`/payments/${encodeURIComponent(dispute.paymentId)}`}>
                <code>{dispute.paymentId}</code>
              </Link>
            </dd>
          </div>
          {dispute.evidenceSubmittedBy && (
            <div>
              <dt>Evidence submitted by</dt>
              <dd>{dispute.evidenceSubmittedBy}</dd>
            </div>
          )}
          {dispute.closedBy && (
            <div>
              <dt>Closed by</dt>
              <dd>{dispute.closedBy}</dd>
            </div>
          )}
        </dl>
        <p role="status" className="announcement">
          {done}
        </p>
        {act.isError && (
          <Alert role="alert" title="Not done">
            {problemText(act.error)}
          </Alert>
        )}
        {mayAnswer && !done && (
          <>
            <form className="stack" onSubmit={saveEvidence} aria-label="Evidence">
              <TextArea
                label="Product description"
                value={evidence.productDescription}
                onChange={(v) => setEvidence({ ...evidence, productDescription: v })}
              />
              <TextArea
                label="Customer communication"
                value={evidence.customerCommunication}
                onChange={(v) => setEvidence({ ...evidence, customerCommunication: v })}
              />
              <TextArea
                label="Other evidence"
                value={evidence.uncategorizedText}
                onChange={(v) => setEvidence({ ...evidence, uncategorizedText: v })}
              />
              <label className="check">
                <input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} />
                Submit to the card network now (no more changes afterwards)
              </label>
              <Button type="submit" busy={act.isPending}>
                {submit ? 'Submit evidence' : 'Save evidence'}
              </Button>
            </form>
            {confirmClose ? (
              <div className="stack">
                <p>Accept the loss? The disputed amount stays with the customer and this cannot be undone.</p>
                <div className="button-row">
                  <Button variant="danger" busy={act.isPending} onClick={close}>
                    Accept the loss
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirmClose(false)} disabled={act.isPending}>
                    Keep the dispute open
                  </Button>
                </div>
              </div>
            ) : (
              <Button variant="danger" onClick={() => setConfirmClose(true)}>
                Accept the loss…
              </Button>
            )}
          </>
        )}
        <Button variant="secondary" onClick={onClose} disabled={act.isPending}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

export function DisputesPage({ role }: { role: Role }) {
  const [search, setSearch] = useSearchParams();
  const filters = parseDisputeFilters(search);
  const disputes = useDisputes(filters);
  const [open, setOpen] = useState<Dispute | null>(null);
  const apply = (next: DisputeFilters) => setSearch(toSearch(next));
  const data = disputes.data;
  return (
    <div className="stack">
      <h1>Disputes</h1>
      <div className="filters">
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(e) => apply({ status: e.target.value as DisputeStatus | '', page: 0 })}
        >
          <option value="">Any</option>
          {disputeStatusValues.map((s) => (
            <option key={s} value={s}>
              {DISPUTE_STATUS_LABEL[s]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="visually-hidden" role="status">
        {data ? `${data.totalItems} disputes found.` : ''}
      </p>
      {disputes.isPending && <Spinner label="Loading disputes" />}
      {disputes.isError && (
        <Alert role="alert" title="Disputes could not be loaded">
          {problemText(disputes.error)}
        </Alert>
      )}
      {data && (
        <>
          <DisputesTable
            disputes={data.items}
            label="Disputes"
            idCell={(d) => (
              <button type="button" className="link-button" onClick={() => setOpen(d)}>
                <code>{d.disputeId}</code>
              </button>
            )}
          >
            {data.items.length === 0 && <p className="empty">No disputes.</p>}
          </DisputesTable>
          <Pager page={filters.page} totalPages={data.totalPages} onPage={(page) => apply({ ...filters, page })} />
        </>
      )}
      {open && <DisputeDialog dispute={open} role={role} onClose={() => setOpen(null)} />}
    </div>
  );
}
