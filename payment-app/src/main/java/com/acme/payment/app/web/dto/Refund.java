package com.acme.payment.app.web.dto;

import java.time.Instant;

public record Refund(String refundId, String paymentId, long amount, String status, String reason,
                     Instant createdAt) {
}
