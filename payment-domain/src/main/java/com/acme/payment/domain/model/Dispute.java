package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispute (chargeback or inquiry) on one of our payments, as far as Stripe has told us. Stripe does not order its
 * events, so each report is merged by {@link #reported}: the newest state wins, a final state is never reopened, and
 * money that moved stays moved.
 *
 * @param stateReportedAt     when Stripe reported the state held here (its event's {@code created})
 * @param evidenceSubmittedBy the admin who submitted evidence, or null
 * @param closedBy            the admin who accepted the loss, or null
 */
public record Dispute(
        String disputeId,
        PaymentId paymentId,
        long amount,
        String currency,
        String reason,
        DisputeStatus status,
        Instant evidenceDueBy,
        long fundsWithdrawn,
        long fundsReinstated,
        Instant stateReportedAt,
        boolean reminderSent,
        String evidenceSubmittedBy,
        String closedBy,
        Instant createdAt,
        Instant updatedAt) {

    public Dispute {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stateReportedAt, "stateReportedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The first report of a dispute, whichever event brought it. */
    public static Dispute first(PaymentId paymentId, GatewayDispute reported, Instant reportedAt, Instant now) {
        return new Dispute(reported.disputeId(), paymentId, reported.amount(), reported.currency(), reported.reason(),
                reported.status(), reported.evidenceDueBy(), reported.fundsWithdrawn() ? reported.amount() : 0,
                reported.fundsReinstated() ? reported.amount() : 0, reportedAt, false, null, null, now, now);
    }

    /**
     * Merges a later report. Its state (status, deadline, reason) is taken when it is at least as new as the one
     * held and does not reopen a final one; money withdrawn or reinstated is taken from any report.
     */
    public Dispute reported(GatewayDispute report, Instant reportedAt, Instant now) {
        boolean newer = !status.isFinal() && (report.status().isFinal()
                || !reportedAt.isBefore(stateReportedAt) && report.status().isAtLeastAsFarAs(status));
        long withdrawn = report.fundsWithdrawn() ? report.amount() : fundsWithdrawn;
        long reinstated = report.fundsReinstated() ? report.amount() : fundsReinstated;
        return new Dispute(disputeId, paymentId, newer ? report.amount() : amount, currency,
                newer ? report.reason() : reason, newer ? report.status() : status,
                newer ? report.evidenceDueBy() : evidenceDueBy, withdrawn, reinstated,
                newer ? reportedAt : stateReportedAt, reminderSent, evidenceSubmittedBy, closedBy, createdAt, now);
    }

    /** Whether {@code later} (a merge of this one) holds anything new. */
    public boolean changedIn(Dispute later) {
        return later.status != status || later.amount != amount || !Objects.equals(later.evidenceDueBy, evidenceDueBy)
                || !Objects.equals(later.reason, reason) || later.fundsWithdrawn != fundsWithdrawn
                || later.fundsReinstated != fundsReinstated;
    }

    public Dispute withReminderSent(Instant now) {
        return new Dispute(disputeId, paymentId, amount, currency, reason, status, evidenceDueBy, fundsWithdrawn,
                fundsReinstated, stateReportedAt, true, evidenceSubmittedBy, closedBy, createdAt, now);
    }

    public Dispute withEvidenceSubmittedBy(String admin) {
        return new Dispute(disputeId, paymentId, amount, currency, reason, status, evidenceDueBy, fundsWithdrawn,
                fundsReinstated, stateReportedAt, reminderSent, admin, closedBy, createdAt, updatedAt);
    }

    public Dispute withClosedBy(String admin) {
        return new Dispute(disputeId, paymentId, amount, currency, reason, status, evidenceDueBy, fundsWithdrawn,
                fundsReinstated, stateReportedAt, reminderSent, evidenceSubmittedBy, admin, createdAt, updatedAt);
    }

    /** What the dispute has taken from the balance: withdrawn and not given back. */
    public long disputedAmount() {
        return fundsWithdrawn - fundsReinstated;
    }

    /** For the payment's history. */
    public String describe() {
        return "dispute " + disputeId + " " + status.apiName()
                + (reason == null ? "" : " (" + reason + ")") + ", " + format(amount)
                + (fundsWithdrawn > 0 ? ", " + format(fundsWithdrawn) + " withdrawn" : "")
                + (fundsReinstated > 0 ? ", " + format(fundsReinstated) + " reinstated" : "");
    }

    public String format(long minorUnits) {
        return StripeCurrencies.isSupported(currency) ? new Money(minorUnits, currency).format()
                : minorUnits + " " + currency;
    }
}
