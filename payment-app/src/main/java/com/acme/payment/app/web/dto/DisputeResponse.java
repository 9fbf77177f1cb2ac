package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Named as openapi.yaml's schema; the Java name keeps it apart from the domain's Dispute. */
@Schema(name = "Dispute")
public record DisputeResponse(String disputeId, String paymentId, long amount, String currency, String reason,
                              String status, Instant evidenceDueBy, long fundsWithdrawn, long fundsReinstated,
                              boolean reminderSent, String evidenceSubmittedBy, String closedBy, Instant createdAt,
                              Instant updatedAt) {
}
