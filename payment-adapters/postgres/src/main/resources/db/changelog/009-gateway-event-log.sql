--liquibase formatted sql

--changeset payment-service:009-gateway-event-log
--comment: The gateway event log grows out of processed_gateway_events: its primary key already makes a redelivery a no-op, and logging in the same row keeps the webhook path at one insert per event. event_type holds the gateway's type name from now on (older rows: the domain's). The payload is kept as text, byte for byte as signed, and purged after the retention; the row stays.
ALTER TABLE processed_gateway_events
    ADD COLUMN api_version      text,
    ADD COLUMN created_at       timestamptz,
    ADD COLUMN payment_id       text,
    ADD COLUMN outcome          text CHECK (outcome IN ('applied', 'not_applied', 'ignored', 'unknown_payment', 'failed')),
    ADD COLUMN failure_reason   text,
    ADD COLUMN payload          text,
    ADD COLUMN duplicates       integer NOT NULL DEFAULT 0;
CREATE INDEX processed_gateway_events_received_idx ON processed_gateway_events (received_at DESC, event_id DESC);
CREATE INDEX processed_gateway_events_payment_idx ON processed_gateway_events (payment_id) WHERE payment_id IS NOT NULL;
--rollback DROP INDEX processed_gateway_events_payment_idx; DROP INDEX processed_gateway_events_received_idx; ALTER TABLE processed_gateway_events DROP COLUMN api_version, DROP COLUMN created_at, DROP COLUMN payment_id, DROP COLUMN outcome, DROP COLUMN failure_reason, DROP COLUMN payload, DROP COLUMN duplicates;
