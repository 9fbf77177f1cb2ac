package com.acme.payment.app.web.dto;

/** Text evidence; the domain checks Stripe's limits (DisputeEvidence). {@code submit} null means false. */
public record DisputeEvidenceRequest(String productDescription, String customerCommunication,
                                     String uncategorizedText, Boolean submit) {
}
