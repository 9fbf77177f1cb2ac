--liquibase formatted sql

--changeset payment-service:001-payments
--comment: Payments, keyed by their public id (random, so it reveals neither order nor volume).
CREATE TABLE payments (
    payment_id             text        NOT NULL,
    customer_name          text        NOT NULL,
    customer_email         text        NOT NULL,
    service_type           text        NOT NULL,
    amount                 bigint      NOT NULL,
    currency               char(3)     NOT NULL,
    status                 text        NOT NULL,
    gateway                text        NOT NULL,
    gateway_reference      text,
    transaction_id         text,
    failure_code           text,
    failure_message        text,
    refunded_amount        bigint      NOT NULL DEFAULT 0,
    refund_reserved_amount bigint      NOT NULL DEFAULT 0,
    metadata               jsonb       NOT NULL DEFAULT '{}',
    idempotency_key        text,
    request_fingerprint    text,
    version                bigint      NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT payments_pkey PRIMARY KEY (payment_id),
    CONSTRAINT payments_gateway_reference_key UNIQUE (gateway_reference),
    CONSTRAINT payments_idempotency_key_key UNIQUE (idempotency_key),
    CONSTRAINT payments_amount_positive CHECK (amount > 0),
    CONSTRAINT payments_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT payments_status_known CHECK (status IN ('pending', 'requires_action', 'processing', 'succeeded',
        'failed', 'canceled', 'partially_refunded', 'refunded')),
    CONSTRAINT payments_refunded_within_amount CHECK (refunded_amount BETWEEN 0 AND amount),
    CONSTRAINT payments_reserved_within_amount CHECK (refund_reserved_amount BETWEEN 0 AND amount),
    CONSTRAINT payments_metadata_object CHECK (jsonb_typeof(metadata) = 'object')
);
-- The reconciler looks for unresolved payments that have not moved for a while.
CREATE INDEX payments_status_updated_at_idx ON payments (status, updated_at);
-- The admin search matches emails case-insensitively and lists newest first.
CREATE INDEX payments_customer_email_idx ON payments (lower(customer_email));
CREATE INDEX payments_created_at_idx ON payments (created_at);
--rollback DROP TABLE payments;
