--liquibase formatted sql

--changeset payment-service:007-notification-outbox-recipient-index
--comment: Failure notices are limited per recipient and hour; counting them must not scan the whole outbox.
CREATE INDEX notification_outbox_recipient_idx ON notification_outbox (lower(recipient), kind, created_at);
--rollback DROP INDEX notification_outbox_recipient_idx;
