package com.acme.payment.app.web.dto;

import java.time.Instant;

/** @param attentionReason why {@code needsAttention}; null when it does not */
public record AdminPayment(String paymentId, String name, String email, String serviceType, long amount,
                           String currency, String status, String gateway, String gatewayReference,
                           String transactionId, String failureCode, String failureMessage, long refundedAmount,
                           Instant createdAt, Instant updatedAt, boolean needsAttention, String attentionReason) {
}
