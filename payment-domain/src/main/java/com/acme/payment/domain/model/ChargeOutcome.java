package com.acme.payment.domain.model;

/** What the gateway said of the charge: its transaction once it succeeded, why it failed while it is failed. */
record ChargeOutcome(String transactionId, String failureCode, String failureMessage) {

    static final ChargeOutcome NONE = new ChargeOutcome(null, null, null);

    /** After the event moved the payment to {@code target}: any move but to FAILED clears an earlier failure. */
    ChargeOutcome after(GatewayEvent event, PaymentStatus target) {
        boolean failed = target == PaymentStatus.FAILED;
        return new ChargeOutcome(target == PaymentStatus.SUCCEEDED ? event.transactionId() : transactionId,
                failed ? event.failureCode() : null, failed ? event.failureMessage() : null);
    }
}
