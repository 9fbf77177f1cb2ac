import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { paymentStatusEventsUrl } from '@/lib/payment-status-events';

import { isFinalStatus } from '../utils/payment-status';

import { getPaymentStatusQueryOptions } from './get-payment-status';
import { paymentStatusResponseSchema } from './schemas';

/** `live` once the stream has delivered; `unavailable` when the page should poll instead. */
export type PaymentStatusStreamState = 'connecting' | 'live' | 'unavailable';

/** A proxy that buffers the stream delivers nothing: without a first event by then, the page polls. */
const FIRST_EVENT_TIMEOUT_MS = 5_000;

/**
 * Keeps the payment-status query up to date from the server's event stream (server-sent events, one `status`
 * event per stored change). Gives up — and the page falls back to polling — when EventSource is missing, when
 * the stream fails twice in a row, when the server refuses it, or when no first event arrives in time.
 * A stream that ends normally (its lifetime) reconnects by itself with Last-Event-ID.
 */
export function usePaymentStatusStream(paymentId: string): PaymentStatusStreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<PaymentStatusStreamState>(() =>
    typeof EventSource === 'undefined' ? 'unavailable' : 'connecting',
  );

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(paymentStatusEventsUrl(paymentId));
    let failures = 0;
    let heard = false;
    const giveUp = () => {
      source.close();
      setState('unavailable');
    };
    const firstEvent = window.setTimeout(giveUp, FIRST_EVENT_TIMEOUT_MS);

    source.addEventListener('open', () => {
      if (heard) failures = 0;
    });
    source.addEventListener('status', (event) => {
      const parsed = paymentStatusResponseSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      heard = true;
      window.clearTimeout(firstEvent);
      const { queryKey } = getPaymentStatusQueryOptions(paymentId);
      // A fetch still under way may have read an older state: this event wins.
      void queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, parsed.data);
      setState('live');
      if (isFinalStatus(parsed.data.status)) source.close();
    });
    source.addEventListener('error', () => {
      failures += 1;
      if (failures >= 2 || source.readyState === EventSource.CLOSED) {
        window.clearTimeout(firstEvent);
        giveUp();
      }
    });

    return () => {
      window.clearTimeout(firstEvent);
      source.close();
    };
  }, [paymentId, queryClient]);

  return state;
}
