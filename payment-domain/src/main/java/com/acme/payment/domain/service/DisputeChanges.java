package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
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

    /**
     * What a report from a gateway event would change, worked out without writing anything, so that the event can be
     * logged with its outcome before anything is stored.
     */
    Merge merge(GatewayDispute reported, Instant reportedAt, PaymentId paymentId) {
        return merge(reported, reportedAt, paymentId, UnaryOperator.identity(), false);
    }

    /**
     * @param mark    what an admin's action adds to the dispute (who acted)
     * @param byAdmin an admin's action is a change even when Stripe's state is as known
     */
    Merge merge(GatewayDispute reported, Instant reportedAt, PaymentId paymentId, UnaryOperator<Dispute> mark,
                boolean byAdmin) {
        Instant now = clock.instant();
        Optional<Dispute> stored = store.findDispute(reported.disputeId());
        Dispute merged = mark.apply(stored.map(dispute -> dispute.reported(reported, reportedAt, now))
                .orElseGet(() -> Dispute.first(paymentId, reported, reportedAt, now)));
        boolean changed = byAdmin || stored.map(dispute -> dispute.changedIn(merged)).orElse(true);
        return new Merge(stored, merged, reported, changed);
    }

    /**
     * Stores a merge: the dispute, the payment's history entry (not applied when it changed nothing) and the
     * merchant's emails.
     *
     * @param action the admin's action for the history; null for a gateway event
     */
    Applied store(Payment payment, Merge merge, ChangeSource source, String eventId, String action) {
        Instant now = clock.instant();
        Dispute merged = merge.merged();
        if (!merge.changed()) {
            payment.recordDisputeChange(source, eventId, false, "not applied: " + merge.reported().disputeId()
                    + " " + merge.reported().status().apiName() + " is older than " + merged.describe(), now);
            return new Applied(merged, false);
        }
        store.saveDispute(merged);
        payment.recordDisputeChange(source, eventId, true, (action == null ? "" : action + ": ") + merged.describe(),
                now);
        boolean wasFinal = merge.stored().map(dispute -> dispute.status().isFinal()).orElse(false);
        if (merge.stored().isEmpty() && !merged.status().isFinal()) {
            notifier.disputeOpened(payment, merged);
        }
        if (!wasFinal && (merged.status() == DisputeStatus.WON || merged.status() == DisputeStatus.LOST)) {
            notifier.disputeClosed(payment, merged);
        }
        return new Applied(merged, true);
    }

    record Merge(Optional<Dispute> stored, Dispute merged, GatewayDispute reported, boolean changed) {
    }

    /** @param changed false when the report was older than what was known */
    record Applied(Dispute dispute, boolean changed) {
    }
}
