--liquibase formatted sql

--changeset payment-service:004-refunds
--comment: Refunds an admin asked for; one per (payment, idempotency key).
CREATE TABLE refunds (
    refund_id         text        NOT NULL,
    payment_id        text        NOT NULL,
    amount            bigint      NOT NULL,
    status            text        NOT NULL,
    reason            text,
    idempotency_key   text,
    gateway_refund_id text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT refunds_pkey PRIMARY KEY (refund_id),
    CONSTRAINT refunds_payment_fkey FOREIGN KEY (payment_id) REFERENCES payments (payment_id),
    CONSTRAINT refunds_payment_idempotency_key_key UNIQUE (payment_id, idempotency_key),
    CONSTRAINT refunds_amount_positive CHECK (amount > 0),
    CONSTRAINT refunds_status_known CHECK (status IN ('pending', 'succeeded', 'failed'))
);
--rollback DROP TABLE refunds;
