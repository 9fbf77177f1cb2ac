package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Map;

/**
 * Every stored field of a {@link Payment}, flat: persistence writes it and rebuilds the payment from it through
 * {@link Payment#reconstitute}, the admin views read it. The one list of a payment's stored fields.
 *
 * @param checkoutSessionId the current Stripe Checkout session of a hosted payment; null for an embedded one
 */
public record PaymentSnapshot(
        PaymentId id,
        String customerName,
        String customerEmail,
        String serviceType,
        long amount,
        String currency,
        PaymentStatus status,
        String gateway,
        String gatewayReference,
        String transactionId,
        String failureCode,
        String failureMessage,
        long refundedAmount,
        long refundReservedAmount,
        Map<String, String> metadata,
        String idempotencyKey,
        String requestFingerprint,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String checkoutSessionId) {

    /** A payment made without a hosted checkout session. */
    public PaymentSnapshot(PaymentId id, String customerName, String customerEmail, String serviceType, long amount,
                           String currency, PaymentStatus status, String gateway, String gatewayReference,
                           String transactionId, String failureCode, String failureMessage, long refundedAmount,
                           long refundReservedAmount, Map<String, String> metadata, String idempotencyKey,
                           String requestFingerprint, long version, Instant createdAt, Instant updatedAt) {
        this(id, customerName, customerEmail, serviceType, amount, currency, status, gateway, gatewayReference,
                transactionId, failureCode, failureMessage, refundedAmount, refundReservedAmount, metadata,
                idempotencyKey, requestFingerprint, version, createdAt, updatedAt, null);
    }
}
