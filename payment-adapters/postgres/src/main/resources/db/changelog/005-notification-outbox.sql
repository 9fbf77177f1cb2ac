--liquibase formatted sql

--changeset payment-service:005-notification-outbox
--comment: Notifications queued in the payment's transaction and sent after commit.
CREATE TABLE notification_outbox (
    id              bigserial   NOT NULL,
    payment_id      text        NOT NULL,
    kind            text        NOT NULL,
    event_key       text        NOT NULL,
    recipient       text        NOT NULL,
    data            jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT notification_outbox_pkey PRIMARY KEY (id),
    CONSTRAINT notification_outbox_payment_fkey FOREIGN KEY (payment_id) REFERENCES payments (payment_id),
    CONSTRAINT notification_outbox_once_key UNIQUE (payment_id, kind, event_key),
    CONSTRAINT notification_outbox_status_known CHECK (status IN ('pending', 'sent', 'dead')),
    CONSTRAINT notification_outbox_attempts_not_negative CHECK (attempts >= 0)
);
-- The dispatcher only ever looks at pending messages; sent ones pile up and must not slow it down.
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending';
--rollback DROP TABLE notification_outbox;
