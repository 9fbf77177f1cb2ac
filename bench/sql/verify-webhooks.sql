-- After webhook ingestion: were the events whose ids start with :prefix each applied exactly once?
-- One JSON object; every *_violations figure must be 0. Also checks all payments for half-updated rows.
WITH events AS (
    SELECT event_id FROM processed_gateway_events WHERE event_id LIKE :'prefix' || '%'
), history AS (
    SELECT gateway_event_id, payment_id, applied, to_status
      FROM payment_status_history
     WHERE gateway_event_id LIKE :'prefix' || '%'
), per_event AS (
    SELECT gateway_event_id, count(*) FILTER (WHERE applied) AS applied_rows, count(*) AS rows
      FROM history GROUP BY gateway_event_id
), succeeded AS (
    SELECT p.payment_id, p.transaction_id,
           (SELECT count(*) FROM payment_status_history h
             WHERE h.payment_id = p.payment_id AND h.to_status = 'succeeded' AND h.applied) AS applied_successes,
           (SELECT count(*) FROM notification_outbox o
             WHERE o.payment_id = p.payment_id AND o.kind = 'receipt') AS receipts
      FROM payments p WHERE p.status = 'succeeded'
)
SELECT json_build_object(
    'processed_events', (SELECT count(*) FROM events),
    'applied_history_rows', (SELECT count(*) FROM history WHERE applied),
    'events_applied_more_than_once_violations', (SELECT count(*) FROM per_event WHERE applied_rows > 1),
    'processed_but_not_applied', (SELECT count(*) FROM events e
                                   WHERE NOT EXISTS (SELECT 1 FROM per_event x
                                                      WHERE x.gateway_event_id = e.event_id AND x.applied_rows = 1)),
    'history_without_processed_event_violations', (SELECT count(*) FROM per_event x
                                   WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = x.gateway_event_id)),
    'applied_but_payment_not_succeeded_violations', (SELECT count(*) FROM history h JOIN payments p USING (payment_id)
                                   WHERE h.applied AND p.status <> 'succeeded'),
    'succeeded_payments', (SELECT count(*) FROM succeeded),
    'succeeded_without_transaction_id_violations', (SELECT count(*) FROM succeeded WHERE transaction_id IS NULL),
    'transaction_id_but_not_succeeded_violations', (SELECT count(*) FROM payments
                                   WHERE transaction_id IS NOT NULL AND status <> 'succeeded'),
    'succeeded_without_exactly_one_applied_success_violations', (SELECT count(*) FROM succeeded
                                   WHERE applied_successes <> 1),
    'succeeded_without_exactly_one_receipt_violations', (SELECT count(*) FROM succeeded WHERE receipts <> 1),
    'receipts_for_unsucceeded_payments_violations', (SELECT count(*) FROM notification_outbox o
                                   JOIN payments p USING (payment_id) WHERE o.kind = 'receipt' AND p.status <> 'succeeded'),
    'outbox_pending', (SELECT count(*) FROM notification_outbox WHERE status = 'pending'),
    'outbox_sent', (SELECT count(*) FROM notification_outbox WHERE status = 'sent'),
    'outbox_dead', (SELECT count(*) FROM notification_outbox WHERE status = 'dead')
);
