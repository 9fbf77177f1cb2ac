package com.acme.payment.domain.model;

/** The payment gateway refused or could not complete a call. {@link #retryable()} tells the caller what to do. */
public class GatewayException extends PaymentException {

    /** What went wrong, in terms a caller can act on. */
    public enum Reason {
        CARD_DECLINED(false),
        INVALID_REQUEST(false),
        AUTHENTICATION(false),
        RATE_LIMITED(true),
        UNAVAILABLE(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;
    private final String declineCode;
    private final String customerMessage;

    public GatewayException(Reason reason, String message, String declineCode, String customerMessage, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.declineCode = declineCode;
        this.customerMessage = customerMessage;
    }

    public static GatewayException cardDeclined(String declineCode, String customerMessage) {
        return new GatewayException(Reason.CARD_DECLINED, "card declined: " + declineCode, declineCode, customerMessage, null);
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }

    /** Stripe's decline code when the card was declined, otherwise null. */
    public String declineCode() {
        return declineCode;
    }

    /** A message safe to show the customer. */
    public String customerMessage() {
        return customerMessage;
    }
}
