package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payment's status, when the payment last changed, its stored version and the audit-trail entries not stored
 * on top of it yet. Every status change goes through {@link #moveTo}, so none is missing from the trail.
 */
final class PaymentHistory {

    private PaymentStatus status;
    private Instant updatedAt;
    private long version;
    private final List<StatusChange> unsaved = new ArrayList<>();

    PaymentHistory(PaymentStatus status, Instant updatedAt, long version) {
        this.status = Objects.requireNonNull(status, "status");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    PaymentStatus status() {
        return status;
    }

    void created(Instant now) {
        unsaved.add(new StatusChange(null, status, ChangeSource.API, null, true, "payment created", now));
    }

    void moveTo(PaymentStatus target, ChangeSource source, String eventId, String actor, String detail, Instant now) {
        unsaved.add(new StatusChange(status, target, source, eventId, true, detail, now, actor));
        status = target;
        updatedAt = now;
    }

    /** Writes an entry that leaves the status as it is. */
    void note(ChangeSource source, String eventId, boolean applied, String detail, String actor, Instant now) {
        unsaved.add(new StatusChange(status, status, source, eventId, applied, detail, now, actor));
    }

    /** A move to {@code target} that is recorded, not made: gateway events arrive late and out of order. */
    EventOutcome notApplied(PaymentStatus target, ChangeSource source, String eventId, String reason, Instant now) {
        unsaved.add(new StatusChange(status, target, source, eventId, false, "not applied: " + reason, now));
        return EventOutcome.STALE;
    }

    EventOutcome notAllowed(PaymentStatus target, ChangeSource source, String eventId, Instant now) {
        return notApplied(target, source, eventId, "payment is already " + status.apiName(), now);
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** A change that the trail does not show (a reference, a reservation) still changes the payment. */
    void touch(Instant now) {
        updatedAt = now;
    }

    List<StatusChange> unsaved() {
        return List.copyOf(unsaved);
    }

    long version() {
        return version;
    }

    void saved(long savedVersion) {
        version = savedVersion;
        unsaved.clear();
    }
}
