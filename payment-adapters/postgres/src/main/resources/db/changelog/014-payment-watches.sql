--liquibase formatted sql

--changeset payment-service:014-payment-watches
--comment: Payments some status stream watches, on any instance: only their changes are sent as NOTIFY, which
--comment: PostgreSQL makes every notifying commit wait its turn for.
CREATE TABLE payment_watches (
    payment_id text        NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT payment_watches_pkey PRIMARY KEY (payment_id)
);
--rollback DROP TABLE payment_watches;
