package com.acme.payment.domain.query;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import java.time.Instant;

/**
 * What the customer's page polls: read straight from storage, without rebuilding the payment, and without
 * anything personal. {@code version} rises with every stored change of the payment.
 */
public record PaymentStatusView(PaymentId id, PaymentStatus status, long amount, String currency, String serviceType,
                                String transactionId, String failureMessage, long refundedAmount, Instant updatedAt,
                                long version) {
}
