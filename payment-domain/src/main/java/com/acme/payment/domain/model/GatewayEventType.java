package com.acme.payment.domain.model;

import java.util.Optional;

/** Gateway events the domain acts on, with the status each one moves a payment to. */
public enum GatewayEventType {
    REQUIRES_ACTION(PaymentStatus.REQUIRES_ACTION),
    PROCESSING(PaymentStatus.PROCESSING),
    SUCCEEDED(PaymentStatus.SUCCEEDED),
    PAYMENT_FAILED(PaymentStatus.FAILED),
    CANCELED(PaymentStatus.CANCELED),
    /** The gateway's refunded total changed; the target depends on the total. */
    REFUND_UPDATED(null),
    /** A dispute was opened; recorded, the status does not change. */
    DISPUTE_CREATED(null),
    /** A dispute changed (evidence, status); recorded, the payment's status does not change. */
    DISPUTE_UPDATED(null),
    DISPUTE_CLOSED(null),
    DISPUTE_FUNDS_WITHDRAWN(null),
    DISPUTE_FUNDS_REINSTATED(null),
    /** A refund the gateway had accepted failed later; the refunded total goes down again. */
    REFUND_FAILED(null),
    /** Nothing to do with our payments; acknowledged and ignored. */
    UNHANDLED(null);

    private final PaymentStatus target;

    GatewayEventType(PaymentStatus target) {
        this.target = target;
    }

    /** Events that carry a {@link GatewayDispute}; they change the dispute, never the payment's status. */
    public boolean isDispute() {
        return name().startsWith("DISPUTE_");
    }

    public Optional<PaymentStatus> target() {
        return Optional.ofNullable(target);
    }
}
