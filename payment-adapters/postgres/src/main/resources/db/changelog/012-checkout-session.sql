--liquibase formatted sql

--changeset payment-service:012-checkout-session
--comment: A payment made on Stripe Checkout knows its session first, then its PaymentIntent (gateway_reference).
ALTER TABLE payments ADD COLUMN checkout_session_id text;
CREATE UNIQUE INDEX payments_checkout_session_idx ON payments (checkout_session_id);
--rollback DROP INDEX payments_checkout_session_idx; ALTER TABLE payments DROP COLUMN checkout_session_id;
