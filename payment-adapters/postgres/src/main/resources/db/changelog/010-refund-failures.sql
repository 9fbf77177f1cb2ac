--liquibase formatted sql

--changeset payment-service:010-refund-failures
--comment: Why the gateway failed a refund; a gateway refund is recorded once; the reconciler finds pending refunds.
ALTER TABLE refunds ADD COLUMN failure_reason text;
CREATE UNIQUE INDEX refunds_gateway_refund_id_key ON refunds (gateway_refund_id) WHERE gateway_refund_id IS NOT NULL;
CREATE INDEX refunds_pending_created_at_idx ON refunds (created_at) WHERE status = 'pending';
--rollback DROP INDEX refunds_pending_created_at_idx; DROP INDEX refunds_gateway_refund_id_key; ALTER TABLE refunds DROP COLUMN failure_reason;
