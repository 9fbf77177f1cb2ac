import { Link } from 'wouter';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

import { useEvent, useReplayEvent } from '../api/events';
import type { Role } from '../api/types';
import { EVENT_OUTCOME_LABEL, formatDateTime, problemText } from '../utils/format';

import { SummaryList, type SummaryRow } from './summary-list';

/** The payload as sent, indented when it is JSON (it always should be). */
function pretty(payload: string) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

export function EventDetail({ eventId, role }: { eventId: string; role: Role }) {
  const event = useEvent(eventId);
  const replay = useReplayEvent(eventId);
  if (event.isPending) return <Spinner label="Loading the event" />;
  if (event.isError) {
    return (
      <Alert role="alert" title="The event could not be loaded">
        {problemText(event.error)}
      </Alert>
    );
  }
  const e = event.data;
  const rows: SummaryRow[] = [
    ['Type', e.type],
    ['Outcome', e.outcome ? EVENT_OUTCOME_LABEL[e.outcome] : 'Not handled yet'],
    ['Failure', e.failureReason],
    [
      'Payment',
      e.paymentId && (
        <Link href={`/payments/${encodeURIComponent(e.paymentId)}`}>
          <code>{e.paymentId}</code>
        </Link>
      ),
    ],
    ['Created at the gateway', e.created && formatDateTime(e.created)],
    ['Received', formatDateTime(e.receivedAt)],
    ['Duplicates received', String(e.duplicates)],
    ['API version', e.apiVersion],
  ];
  return (
    <div className="stack stack--lg">
      <p>
        <Link href="/events">← All events</Link>
      </p>
      <div className="toolbar">
        <h1>
          Event <code>{e.eventId}</code>
        </h1>
        {role !== 'viewer' && e.payloadAvailable && (
          <Button busy={replay.isPending} onClick={() => replay.mutate()}>
            Replay
          </Button>
        )}
      </div>
      <div role="status">
        {replay.data && (
          <p>
            Replayed: <strong>{replay.data.outcome}</strong>.
          </p>
        )}
      </div>
      {replay.isError && (
        <Alert role="alert" title="Not replayed">
          {problemText(replay.error)}
        </Alert>
      )}
      <SummaryList rows={rows} />
      <section className="stack" aria-labelledby="payload-title">
        <h2 id="payload-title">Payload</h2>
        {e.payload ? (
          <pre className="payload" tabIndex={0} aria-label="Event payload">
            {pretty(e.payload)}
          </pre>
        ) : (
          <p className="muted">The payload is no longer kept (older than the retention period).</p>
        )}
      </section>
    </div>
  );
}
