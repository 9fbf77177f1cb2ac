--liquibase formatted sql

--changeset payment-service:008-disputes
--comment: Disputes on our payments, as Stripe last reported them; state_reported_at keeps an older report from overwriting a newer one.
CREATE TABLE disputes (
    dispute_id            text        NOT NULL,
    payment_id            text        NOT NULL,
    amount                bigint      NOT NULL,
    currency              text        NOT NULL,
    reason                text,
    status                text        NOT NULL,
    evidence_due_by       timestamptz,
    funds_withdrawn       bigint      NOT NULL DEFAULT 0,
    funds_reinstated      bigint      NOT NULL DEFAULT 0,
    state_reported_at     timestamptz NOT NULL,
    reminder_sent         boolean     NOT NULL DEFAULT false,
    evidence_submitted_by text,
    closed_by             text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT disputes_pkey PRIMARY KEY (dispute_id),
    CONSTRAINT disputes_payment_fkey FOREIGN KEY (payment_id) REFERENCES payments (payment_id),
    CONSTRAINT disputes_status_known CHECK (status IN ('warning_needs_response', 'warning_under_review',
        'warning_closed', 'needs_response', 'under_review', 'won', 'lost')),
    CONSTRAINT disputes_funds_not_negative CHECK (funds_withdrawn >= 0 AND funds_reinstated >= 0)
);
CREATE INDEX disputes_payment_idx ON disputes (payment_id);
CREATE INDEX disputes_status_created_idx ON disputes (status, created_at);
--rollback DROP TABLE disputes;
