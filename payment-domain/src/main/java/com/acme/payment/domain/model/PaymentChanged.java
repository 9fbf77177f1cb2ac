package com.acme.payment.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * One stored change of a payment, announced once its transaction has committed.
 *
 * @param version the version it was stored at; 0 for a new payment
 * @param changes the audit entries it stored; none when only bookkeeping changed (a reference, a refund reserved)
 */
public record PaymentChanged(PaymentId id, long version, PaymentStatus status, List<StatusChange> changes) {

    public PaymentChanged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        changes = List.copyOf(changes);
    }

    /** The payment was stored for the first time. */
    public boolean created() {
        return version == 0;
    }
}
