package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Named as openapi.yaml's schema; the Java name keeps it apart from the domain's Refund. */
@Schema(name = "Refund")
public record RefundResponse(String refundId, String paymentId, long amount, String status, String reason,
                     Instant createdAt, String failureReason) {
}
