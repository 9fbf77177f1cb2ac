package com.acme.payment.adapter.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The cards the sandbox accepts: Stripe's test cards, with the outcomes they have in Stripe's test mode. */
public enum SandboxTestCard {
    SUCCEEDS("4242424242424242", "Succeeds", null, null),
    GENERIC_DECLINE("4000000000000002", "Declined (generic decline)", "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("4000000000009995", "Declined (insufficient funds)", "insufficient_funds",
            "Your card has insufficient funds."),
    REQUIRES_AUTHENTICATION("4000002500003155", "Requires 3-D Secure authentication", null, null);

    private final String number;
    private final String description;
    private final String declineCode;
    private final String declineMessage;

    SandboxTestCard(String number, String description, String declineCode, String declineMessage) {
        this.number = number;
        this.description = description;
        this.declineCode = declineCode;
        this.declineMessage = declineMessage;
    }

    /** Digits only. */
    public String number() {
        return number;
    }

    public String description() {
        return description;
    }

    /** @param digits the card number without spaces */
    static Optional<SandboxTestCard> byNumber(String digits) {
        return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
    }

    boolean declines() {
        return declineCode != null;
    }

    String declineCode() {
        return declineCode;
    }

    /** Stripe's message for the decline, which is also safe to show the customer. */
    String declineMessage() {
        return declineMessage;
    }
}
