package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.PaymentNotifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Merges what the gateway reports about a dispute into the stored one, writes the change to the payment's history
 * and queues the merchant's emails. Runs inside the caller's transaction; the caller stores the payment.
 */
final class DisputeChanges {

    private final DisputeStore store;
    private final PaymentNotifier notifier;
    private final Clock clock;

    DisputeChanges(DisputeStore store, PaymentNotifier notifier, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A report from a gateway event: applied when it tells something new, else recorded as not applied. */
    Applied apply(Payment payment, GatewayDispute reported, Instant reportedAt, ChangeSource source, String eventId) {
        return apply(payment, reported, reportedAt, source, eventId, UnaryOperator.identity(), null);
    }

    /**
     * @param mark   what an admin's action adds to the dispute (who acted)
     * @param action the admin's action for the history; null for a gateway event
     */
    Applied apply(Payment payment, GatewayDispute reported, Instant reportedAt, ChangeSource source, String eventId,
                  UnaryOperator<Dispute> mark, String action) {
        Instant now = clock.instant();
        Optional<Dispute> stored = store.findDispute(reported.disputeId());
        Dispute merged = mark.apply(stored.map(dispute -> dispute.reported(reported, reportedAt, now))
                .orElseGet(() -> Dispute.first(payment.id(), reported, reportedAt, now)));
        boolean changed = action != null || stored.map(dispute -> dispute.changedIn(merged)).orElse(true);
        if (!changed) {
            payment.recordDisputeChange(source, eventId, false, "not applied: " + reported.disputeId()
                    + " " + reported.status().apiName() + " is older than " + merged.describe(), now);
            return new Applied(merged, false);
        }
        store.saveDispute(merged);
        payment.recordDisputeChange(source, eventId, true, (action == null ? "" : action + ": ") + merged.describe(),
                now);
        boolean wasFinal = stored.map(dispute -> dispute.status().isFinal()).orElse(false);
        if (stored.isEmpty() && !merged.status().isFinal()) {
            notifier.disputeOpened(payment, merged);
        }
        if (!wasFinal && (merged.status() == DisputeStatus.WON || merged.status() == DisputeStatus.LOST)) {
            notifier.disputeClosed(payment, merged);
        }
        return new Applied(merged, true);
    }

    /** @param changed false when the report was older than what was known */
    record Applied(Dispute dispute, boolean changed) {
    }
}
