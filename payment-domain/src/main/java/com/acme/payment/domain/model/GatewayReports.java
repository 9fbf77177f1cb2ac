package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway has told a payment (its {@link GatewayLink} and {@link ChargeOutcome}), and how a new report
 * moves the payment: a report the state machine does not allow is written to the history as not applied.
 */
final class GatewayReports {

    private final PaymentId paymentId;
    private final PaymentHistory history;
    private final PaymentRefunds refunds;
    private GatewayLink link;
    private ChargeOutcome charge;

    GatewayReports(PaymentId paymentId, GatewayLink link, ChargeOutcome charge, PaymentHistory history,
                   PaymentRefunds refunds) {
        this.paymentId = paymentId;
        this.link = Objects.requireNonNull(link, "link");
        this.charge = Objects.requireNonNull(charge, "charge");
        this.history = history;
        this.refunds = refunds;
    }

    GatewayLink link() {
        return link;
    }

    ChargeOutcome charge() {
        return charge;
    }

    void attachReference(String reference, Instant now) {
        Objects.requireNonNull(reference, "reference");
        if (link.reference() != null && !link.reference().equals(reference)) {
            throw new IllegalStateException("payment " + paymentId + " already has gateway reference "
                    + link.reference());
        }
        link = link.withReference(reference);
        history.touch(now);
    }

    void attachCheckoutSession(String sessionId, Instant now) {
        link = link.withSession(Objects.requireNonNull(sessionId, "sessionId"));
        history.touch(now);
    }

    EventOutcome apply(GatewayEvent event, ChangeSource source, Instant now) {
        PaymentStatus status = history.status();
        if (event.type() != GatewayEventType.UNHANDLED && !link.concerns(event)) {
            return history.notApplied(event.type().target().orElse(status), source, event.eventId(),
                    "from an earlier checkout session of this payment", now);
        }
        link = link.learnedFrom(event);
        return switch (event.type()) {
            case UNHANDLED -> EventOutcome.IGNORED;
            case DISPUTE_CREATED, DISPUTE_UPDATED, DISPUTE_CLOSED, DISPUTE_FUNDS_WITHDRAWN, DISPUTE_FUNDS_REINSTATED ->
                    throw new IllegalArgumentException("a dispute event changes the dispute: see recordDisputeChange");
            case REFUND_UPDATED -> refunds.applyRefundedTotal(event.refundedTotal(), source, event.eventId(), null, now);
            case REFUND_FAILED -> throw new IllegalArgumentException("a refund failure is applied with failRefund");
            default -> {
                PaymentStatus target = event.type().target().orElseThrow();
                if (!status.canMoveTo(target)) {
                    yield history.notAllowed(target, source, event.eventId(), now);
                }
                charge = charge.after(event, target);
                history.moveTo(target, source, event.eventId(), null, event.detail(), now);
                yield EventOutcome.APPLIED;
            }
        };
    }
}
