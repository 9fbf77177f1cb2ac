--liquibase formatted sql

--changeset payment-service:002-payment-status-history
--comment: The audit trail: every status change, applied or not, in the order it was recorded.
CREATE TABLE payment_status_history (
    id               bigserial   NOT NULL,
    payment_id       text        NOT NULL,
    from_status      text,
    to_status        text        NOT NULL,
    source           text        NOT NULL,
    gateway_event_id text,
    applied          boolean     NOT NULL,
    detail           text,
    occurred_at      timestamptz NOT NULL,
    CONSTRAINT payment_status_history_pkey PRIMARY KEY (id),
    CONSTRAINT payment_status_history_payment_fkey FOREIGN KEY (payment_id) REFERENCES payments (payment_id),
    CONSTRAINT payment_status_history_from_known CHECK (from_status IN ('pending', 'requires_action', 'processing',
        'succeeded', 'failed', 'canceled', 'partially_refunded', 'refunded')),
    CONSTRAINT payment_status_history_to_known CHECK (to_status IN ('pending', 'requires_action', 'processing',
        'succeeded', 'failed', 'canceled', 'partially_refunded', 'refunded')),
    CONSTRAINT payment_status_history_source_known CHECK (source IN ('api', 'webhook', 'reconciler', 'admin'))
);
CREATE INDEX payment_status_history_payment_idx ON payment_status_history (payment_id, id);
--rollback DROP TABLE payment_status_history;
