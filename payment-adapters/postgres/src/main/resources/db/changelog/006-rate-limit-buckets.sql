--liquibase formatted sql

--changeset payment-service:006-rate-limit-buckets
--comment: Bucket4j's token buckets (PostgresRateLimiter), shared by every app instance.
CREATE TABLE rate_limit_buckets (
    id         text   NOT NULL,
    state      bytea,
    -- Epoch milliseconds after which the bucket is full again and its row may go.
    expires_at bigint,
    CONSTRAINT rate_limit_buckets_pkey PRIMARY KEY (id)
);
CREATE INDEX rate_limit_buckets_expires_at_idx ON rate_limit_buckets (expires_at);
--rollback DROP TABLE rate_limit_buckets;
