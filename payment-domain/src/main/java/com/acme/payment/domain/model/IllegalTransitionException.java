package com.acme.payment.domain.model;

/** A status change the state machine does not allow. */
public class IllegalTransitionException extends PaymentException {

    public IllegalTransitionException(PaymentId paymentId, PaymentStatus from, PaymentStatus to) {
        super("payment " + paymentId + " cannot move from " + from.apiName() + " to " + to.apiName());
    }
}
