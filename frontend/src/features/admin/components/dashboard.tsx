import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { paymentStatusValues } from '@/types/api-types';

import { useDailyStats, useStats, type DateRange } from '../api/stats';
import { toDailySeries } from '../utils/daily-series';
import { formatMoney, problemText, STATUS_LABEL } from '../utils/format';

const DailyCharts = lazy(() => import('./daily-charts'));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` days up to today (UTC), both ends inclusive. */
function lastDays(days: number, now = new Date()): DateRange {
  const from = new Date(now);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  return { from: isoDay(from), to: isoDay(now) };
}

function RangePicker({ range, onApply }: { range: DateRange; onApply: (next: DateRange) => void }) {
  const [draft, setDraft] = useState(range);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from <= draft.to) onApply(draft);
  };
  return (
    <form className="filters filters--inline" onSubmit={submit} aria-label="Date range">
      <div className="button-row">
        {[7, 30, 90].map((days) => (
          <Button key={days} variant="secondary" onClick={() => onApply(lastDays(days))}>
            Last {days} days
          </Button>
        ))}
      </div>
      <TextField
        label="From"
        type="date"
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
      />
      <TextField label="To" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      <Button type="submit">Show</Button>
    </form>
  );
}

export function Dashboard() {
  const [search, setSearch] = useSearchParams();
  const fallback = lastDays(30);
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const range = DATE.test(from) && DATE.test(to) ? { from, to } : fallback;
  const stats = useStats(range);
  const daily = useDailyStats(range);
  const series = useMemo(() => (daily.data ? toDailySeries(daily.data.days) : null), [daily.data]);

  return (
    <div className="stack stack--lg">
      <h1>Dashboard</h1>
      <RangePicker key={`${range.from}|${range.to}`} range={range} onApply={(r) => setSearch(r)} />
      <p role="status" className="visually-hidden">
        {stats.data ? `Showing ${range.from} to ${range.to}.` : ''}
      </p>
      {(stats.isError || daily.isError) && (
        <Alert role="alert" title="Figures could not be loaded">
          {problemText(stats.error ?? daily.error)}
        </Alert>
      )}
      {stats.isPending && <Spinner label="Loading figures" />}
      {stats.data && (
        <>
          <section aria-labelledby="counts-title" className="stack">
            <h2 id="counts-title">Payments by status</h2>
            <ul className="tiles">
              {paymentStatusValues.map((status) => (
                <li key={status} className="tile">
                  <span className="tile__value">{stats.data.countsByStatus[status]}</span>
                  <span className="tile__label">{STATUS_LABEL[status]}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="revenue-title" className="stack">
            <h2 id="revenue-title">Revenue</h2>
            {stats.data.revenue.length === 0 ? (
              <p className="muted">No revenue in this range.</p>
            ) : (
              <div className="table-scroll" role="region" aria-label="Revenue per currency" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Currency</th>
                      <th scope="col" className="num">
                        Gross
                      </th>
                      <th scope="col" className="num">
                        Refunded
                      </th>
                      <th scope="col" className="num">
                        Net
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.data.revenue.map((r) => (
                      <tr key={r.currency}>
                        <th scope="row">{r.currency}</th>
                        <td className="num">{formatMoney(r.grossAmount, r.currency)}</td>
                        <td className="num">{formatMoney(r.refundedAmount, r.currency)}</td>
                        <td className="num">{formatMoney(r.netAmount, r.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      {series && daily.data && (
        <>
          <section aria-labelledby="daily-title" className="stack">
            <h2 id="daily-title">Per day</h2>
            {series.dates.length === 0 ? (
              <p className="muted">No payments in this range.</p>
            ) : (
              <Suspense fallback={<Spinner label="Loading charts" />}>
                <DailyCharts series={series} />
              </Suspense>
            )}
          </section>
          <section aria-labelledby="declines-title" className="stack">
            <h2 id="declines-title">Top decline reasons</h2>
            {daily.data.declineReasons.length === 0 ? (
              <p className="muted">No declines in this range.</p>
            ) : (
              <ol className="declines">
                {daily.data.declineReasons.map((d) => (
                  <li key={d.reason}>
                    <code>{d.reason}</code> <span className="muted">{d.count}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
