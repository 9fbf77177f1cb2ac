package com.acme.payment.app.web.dto;

import java.time.Instant;

/** What the Payment page polls. Nothing personal: no name, no email. */
public record PaymentStatusResponse(String paymentId, String status, long amount, String currency,
                                    String serviceType, String transactionId, String failureMessage,
                                    long refundedAmount, Instant updatedAt) {
}
