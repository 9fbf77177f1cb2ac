package com.acme.payment.domain.model;

public class DisputeNotFoundException extends PaymentException {

    public DisputeNotFoundException(String disputeId) {
        super("no dispute " + disputeId);
    }
}
