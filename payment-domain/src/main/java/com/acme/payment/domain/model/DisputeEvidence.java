package com.acme.payment.domain.model;

/** The text evidence the merchant gives; any of it may be null. Stripe takes at most 20,000 characters a field. */
public record DisputeEvidence(String productDescription, String customerCommunication, String uncategorizedText) {

    public static final int MAX_LENGTH = 20_000;

    public DisputeEvidence {
        requireWithinLimit("productDescription", productDescription);
        requireWithinLimit("customerCommunication", customerCommunication);
        requireWithinLimit("uncategorizedText", uncategorizedText);
    }

    private static void requireWithinLimit(String field, String text) {
        if (text != null && text.length() > MAX_LENGTH) {
            throw new InvalidPaymentRequestException(field, field + " must be at most " + MAX_LENGTH + " characters");
        }
    }
}
