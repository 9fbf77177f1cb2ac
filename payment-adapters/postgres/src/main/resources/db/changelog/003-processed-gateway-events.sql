--liquibase formatted sql

--changeset payment-service:003-processed-gateway-events
--comment: Gateway events already handled; the primary key is what makes a redelivery a no-op.
CREATE TABLE processed_gateway_events (
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT processed_gateway_events_pkey PRIMARY KEY (event_id)
);
--rollback DROP TABLE processed_gateway_events;
