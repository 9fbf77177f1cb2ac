import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { paymentStatusValues } from '@/types/api-types';

import { exportCsvHref, usePayments } from '../api/payments';
import type { PaymentFilters } from '../api/types';
import { filtersToSearch, parseFilters } from '../utils/filters';
import { formatDateTime, formatMoney, problemText, STATUS_LABEL } from '../utils/format';

import { Pager } from './pager';
import { StatusBadge } from './status-badge';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KWD'];

/** The filter form; applied on submit (a search box that fetches per keystroke would flood the API). */
function FilterForm({ filters, onApply }: { filters: PaymentFilters; onApply: (next: PaymentFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const toggle = (status: PaymentFilters['status'][number]) =>
    setDraft((d) => ({
      ...d,
      status: d.status.includes(status) ? d.status.filter((s) => s !== status) : [...d.status, status],
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: 0 });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter payments">
      <TextField
        label="Search"
        hint="Email, name, payment id or transaction id"
        type="search"
        value={draft.q}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      <fieldset className="filters__statuses">
        <legend>Status</legend>
        {paymentStatusValues.map((status) => (
          <label key={status} className="check">
            <input type="checkbox" checked={draft.status.includes(status)} onChange={() => toggle(status)} />
            {STATUS_LABEL[status]}
          </label>
        ))}
      </fieldset>
      <TextField
        label="From"
        type="date"
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
      />
      <TextField label="To" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      <SelectField
        label="Currency"
        value={draft.currency}
        onChange={(e) => setDraft({ ...draft, currency: e.target.value })}
      >
        <option value="">Any</option>
        {[...new Set([...CURRENCIES, filters.currency].filter(Boolean))].map((c) => (
          <option key={c}>{c}</option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            const cleared = parseFilters(new URLSearchParams());
            setDraft(cleared);
            onApply(cleared);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}

export function PaymentsList() {
  const [search, setSearch] = useSearchParams();
  const filters = parseFilters(search);
  const payments = usePayments(filters);
  const apply = (next: PaymentFilters) => setSearch(filtersToSearch(next));
  const data = payments.data;
  const newestFirst = filters.sort === 'createdAt,desc';

  return (
    <div className="stack">
      <div className="toolbar">
        <h1>Payments</h1>
        <a className="button button--secondary" href={exportCsvHref(filters)} download>
          Export CSV
        </a>
      </div>
      {/* Keyed by the URL, so Back/Forward and bookmarked links reset the form to what is shown. */}
      <FilterForm key={search.toString()} filters={filters} onApply={apply} />
      <p className="visually-hidden" role="status">
        {data ? `${data.totalItems} payments found.` : ''}
      </p>
      {payments.isPending && <Spinner label="Loading payments" />}
      {payments.isError && (
        <Alert role="alert" title="Payments could not be loaded">
          {problemText(payments.error)}
        </Alert>
      )}
      {data && (
        <>
          <div className="table-scroll" role="region" aria-label="Payments" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Customer</th>
                  <th scope="col">Service</th>
                  <th scope="col" aria-sort={newestFirst ? 'descending' : 'ascending'}>
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        apply({ ...filters, sort: newestFirst ? 'createdAt,asc' : 'createdAt,desc', page: 0 })
                      }
                    >
                      Created {newestFirst ? '(newest first)' : '(oldest first)'}
                    </button>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.paymentId}>
                    <td>
                      <StatusBadge status={p.status} />
                      {p.needsAttention && (
                        <span className="badge badge--attention" title={p.attentionReason ?? undefined}>
                          Needs attention
                        </span>
                      )}
                    </td>
                    <td className="num">{formatMoney(p.amount, p.currency)}</td>
                    <td>
                      <Link href={`/payments/${encodeURIComponent(p.paymentId)}`}>{p.name}</Link>
                      <span className="muted block">{p.email}</span>
                    </td>
                    <td>{p.serviceType}</td>
                    <td>
                      <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.items.length === 0 && <p className="empty">No payments match these filters.</p>}
          </div>
          <Pager page={filters.page} totalPages={data.totalPages} onPage={(page) => apply({ ...filters, page })} />
        </>
      )}
    </div>
  );
}
