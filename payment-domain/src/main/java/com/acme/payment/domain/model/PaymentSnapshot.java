package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Map;

/**
 * Every stored field of a {@link Payment}, flat: persistence writes it and rebuilds the payment from it through
 * {@link Payment#reconstitute}, the admin views read it. The one list of a payment's stored fields.
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
        Instant updatedAt) {
}
