import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';

import { useBackfill, useEvents, type EventFilters } from '../api/events';
import { eventOutcomeValues, type EventOutcome, type Role } from '../api/types';
import { EVENT_OUTCOME_LABEL, formatDateTime, problemText } from '../utils/format';

import { Pager } from './pager';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseEventFilters(search: URLSearchParams): EventFilters {
  const date = (key: string) => (DATE.test(search.get(key) ?? '') ? (search.get(key) ?? '') : '');
  const outcome = search.get('outcome') as EventOutcome;
  const page = Number(search.get('page'));
  return {
    type: search.get('type') ?? '',
    outcome: eventOutcomeValues.includes(outcome) ? outcome : '',
    paymentId: search.get('paymentId') ?? '',
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

function toSearch(filters: EventFilters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, String(value));
  return search;
}

function FilterForm({ filters, onApply }: { filters: EventFilters; onApply: (next: EventFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, type: draft.type.trim(), paymentId: draft.paymentId.trim(), page: 0 });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter events">
      <TextField
        label="Type"
        placeholder="payment_intent.succeeded"
        value={draft.type}
        onChange={(e) => setDraft({ ...draft, type: e.target.value })}
      />
      <SelectField
        label="Outcome"
        value={draft.outcome}
        onChange={(e) => setDraft({ ...draft, outcome: e.target.value as EventOutcome | '' })}
      >
        <option value="">Any</option>
        {eventOutcomeValues.map((o) => (
          <option key={o} value={o}>
            {EVENT_OUTCOME_LABEL[o]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Payment id"
        value={draft.paymentId}
        onChange={(e) => setDraft({ ...draft, paymentId: e.target.value })}
      />
      <TextField
        label="Received from"
        type="date"
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
      />
      <TextField
        label="Received to"
        type="date"
        value={draft.to}
        onChange={(e) => setDraft({ ...draft, to: e.target.value })}
      />
      <div className="button-row">
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}

/** Fetches the gateway's events since a time again (after an outage); events already handled count as duplicates. */
function BackfillForm() {
  const backfill = useBackfill();
  const [since, setSince] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    backfill.mutate(new Date(since).toISOString());
  };
  const result = backfill.data;
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="backfill-title">
      <h2 id="backfill-title">Backfill</h2>
      <p className="muted">Handle the gateway&apos;s events since a time (within the last 30 days) once more.</p>
      <div className="filters filters--inline">
        <TextField
          label="Since (your time zone)"
          type="datetime-local"
          required
          value={since}
          onChange={(e) => setSince(e.target.value)}
        />
        <div className="button-row">
          <Button type="submit" busy={backfill.isPending} disabled={!since}>
            Backfill
          </Button>
        </div>
      </div>
      {backfill.isError && (
        <Alert role="alert" title="Backfill failed">
          {problemText(backfill.error)}
        </Alert>
      )}
      <div role="status">
        {result && (
          <p>
            Backfill done: {result.seen} seen, {result.applied} applied, {result.duplicate} duplicate,{' '}
            {result.notApplied} not applied, {result.ignored} ignored, {result.failed} failed.
          </p>
        )}
      </div>
    </form>
  );
}

export function EventsPage({ role }: { role: Role }) {
  const [search, setSearch] = useSearchParams();
  const filters = parseEventFilters(search);
  const events = useEvents(filters);
  const apply = (next: EventFilters) => setSearch(toSearch(next));
  const data = events.data;
  return (
    <div className="stack stack--lg">
      <div className="stack">
        <h1>Gateway events</h1>
        <FilterForm key={search.toString()} filters={filters} onApply={apply} />
        <p className="visually-hidden" role="status">
          {data ? `${data.totalItems} events found.` : ''}
        </p>
        {events.isPending && <Spinner label="Loading events" />}
        {events.isError && (
          <Alert role="alert" title="Events could not be loaded">
            {problemText(events.error)}
          </Alert>
        )}
        {data && (
          <>
            <div className="table-scroll" role="region" aria-label="Events" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Type</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Payment</th>
                    <th scope="col">Received</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => (
                    <tr key={e.eventId}>
                      <td>
                        <Link href={`/events/${encodeURIComponent(e.eventId)}`}>
                          <code>{e.eventId}</code>
                        </Link>
                      </td>
                      <td>{e.type}</td>
                      <td>
                        {e.outcome && (
                          <span className={`badge badge--${e.outcome === 'applied' ? 'applied' : e.outcome}`}>
                            {EVENT_OUTCOME_LABEL[e.outcome]}
                          </span>
                        )}
                      </td>
                      <td>
                        {e.paymentId && (
                          <Link href={`/payments/${encodeURIComponent(e.paymentId)}`}>
                            <code>{e.paymentId}</code>
                          </Link>
                        )}
                      </td>
                      <td>
                        <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.items.length === 0 && <p className="empty">No events match these filters.</p>}
            </div>
            <Pager page={filters.page} totalPages={data.totalPages} onPage={(page) => apply({ ...filters, page })} />
          </>
        )}
      </div>
      {role !== 'viewer' && <BackfillForm />}
    </div>
  );
}
