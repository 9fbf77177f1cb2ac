package com.acme.payment.app.web.dto;

import java.time.Instant;
import java.util.List;

/** {@link AdminPayment}'s fields plus the audit trail, refunds and disputes (allOf in openapi.yaml). */
public record AdminPaymentDetail(String paymentId, String name, String email, String serviceType, long amount,
                                 String currency, String status, String gateway, String gatewayReference,
                                 String transactionId, String failureCode, String failureMessage,
                                 long refundedAmount, Instant createdAt, Instant updatedAt,
                                 List<StatusChangeResponse> history, List<RefundResponse> refunds,
                                 List<DisputeResponse> disputes, boolean needsAttention, String attentionReason) {
}
