package com.acme.payment.domain.model;

/** An answer to a dispute that is already won, lost or closed. */
public class DisputeClosedException extends PaymentException {

    public DisputeClosedException(String disputeId, DisputeStatus status) {
        super("dispute " + disputeId + " is already " + status.apiName());
    }
}
