package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payment aggregate. Every status change goes through {@link #moveTo} and is written to the audit
 * trail; changes the state machine forbids are either refused (commands) or recorded as not applied
 * (gateway events, which arrive late and out of order).
 */
public final class Payment {

    private final PaymentId id;
    private final Customer customer;
    private final String serviceType;
    private final Money amount;
    private final String gateway;
    private final Map<String, String> metadata;
    private final String idempotencyKey;
    private final String requestFingerprint;
    private final Instant createdAt;
    private PaymentStatus status = PaymentStatus.PENDING;
    private String gatewayReference;
    private String checkoutSessionId;
    private String transactionId;
    private String failureCode;
    private String failureMessage;
    private RefundBalance refunds = RefundBalance.NONE;
    private long version;
    private Instant updatedAt;
    private final List<StatusChange> unsavedChanges = new ArrayList<>();

    /** What a payment is from its start: the rest changes as it moves through its states. */
    private Payment(PaymentId id, Customer customer, String serviceType, Money amount, String gateway,
                    Map<String, String> metadata, String idempotencyKey, String requestFingerprint, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customer = Objects.requireNonNull(customer, "customer");
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = createdAt;
    }

    /** A new payment, waiting for the customer's card. */
    public static Payment start(PaymentId id, Customer customer, String serviceType, Money amount, String gateway,
                                String idempotencyKey, String requestFingerprint, Map<String, String> metadata,
                                Instant now) {
        Payment payment = new Payment(id, customer, serviceType, amount, gateway, metadata, idempotencyKey,
                requestFingerprint, now);
        payment.unsavedChanges.add(new StatusChange(null, PaymentStatus.PENDING, ChangeSource.API, null, true,
                "payment created", now));
        return payment;
    }

    /** Rebuilds a stored payment. The only way persistence creates one. */
    public static Payment reconstitute(PaymentSnapshot stored) {
        Payment payment = new Payment(stored.id(), new Customer(stored.customerName(), stored.customerEmail()),
                stored.serviceType(), new Money(stored.amount(), stored.currency()), stored.gateway(),
                stored.metadata(), stored.idempotencyKey(), stored.requestFingerprint(), stored.createdAt());
        payment.status = Objects.requireNonNull(stored.status(), "status");
        payment.gatewayReference = stored.gatewayReference();
        payment.checkoutSessionId = stored.checkoutSessionId();
        payment.transactionId = stored.transactionId();
        payment.failureCode = stored.failureCode();
        payment.failureMessage = stored.failureMessage();
        payment.refunds = new RefundBalance(stored.refundedAmount(), stored.refundReservedAmount());
        payment.version = stored.version();
        payment.updatedAt = Objects.requireNonNull(stored.updatedAt(), "updatedAt");
        return payment;
    }

    /** Every stored field, for persistence and the admin views. */
    public PaymentSnapshot snapshot() {
        return new PaymentSnapshot(id, customer.name(), customer.email(), serviceType, amount.minorUnits(),
                amount.currency(), status, gateway, gatewayReference, transactionId, failureCode, failureMessage,
                refunds.refunded(), refunds.reserved(), metadata, idempotencyKey, requestFingerprint, version,
                createdAt, updatedAt, checkoutSessionId);
    }

    public void attachGatewayReference(String reference, Instant now) {
        Objects.requireNonNull(reference, "reference");
        if (gatewayReference != null && !gatewayReference.equals(reference)) {
            throw new IllegalStateException("payment " + id + " already has gateway reference " + gatewayReference);
        }
        gatewayReference = reference;
        updatedAt = now;
    }

    /**
     * The Stripe Checkout session the customer pays on. A new one replaces an expired one; the PaymentIntent
     * known so far stays until the new session's events name the new one.
     */
    public void attachCheckoutSession(String sessionId, Instant now) {
        checkoutSessionId = Objects.requireNonNull(sessionId, "sessionId");
        updatedAt = now;
    }

    /**
     * Applies what the gateway reports. Never throws for ordering problems: they are recorded instead. A hosted
     * payment learns its PaymentIntent from the first event that names it.
     */
    public EventOutcome apply(GatewayEvent event, ChangeSource source, Instant now) {
        if (event.type() != GatewayEventType.UNHANDLED && !concernsCurrentCheckout(event)) {
            unsavedChanges.add(new StatusChange(status, event.type().target().orElse(status), source,
                    event.eventId(), false, "not applied: from an earlier checkout session of this payment", now));
            return EventOutcome.STALE;
        }
        if (event.paymentReference() != null) {
            gatewayReference = event.paymentReference();
        }
        return switch (event.type()) {
            case UNHANDLED -> EventOutcome.IGNORED;
            case DISPUTE_CREATED, DISPUTE_UPDATED, DISPUTE_CLOSED, DISPUTE_FUNDS_WITHDRAWN, DISPUTE_FUNDS_REINSTATED ->
                    throw new IllegalArgumentException("a dispute event changes the dispute: see recordDisputeChange");
            case REFUND_UPDATED -> applyRefundedTotal(event.refundedTotal(), source, event.eventId(), null, now);
            case REFUND_FAILED -> throw new IllegalArgumentException("a refund failure is applied with failRefund");
            default -> {
                PaymentStatus target = event.type().target().orElseThrow();
                if (!status.canMoveTo(target)) {
                    yield recordNotApplied(target, source, event.eventId(), now);
                }
                if (target == PaymentStatus.SUCCEEDED) {
                    transactionId = event.transactionId();
                }
                boolean failed = target == PaymentStatus.FAILED;
                failureCode = failed ? event.failureCode() : null;
                failureMessage = failed ? event.failureMessage() : null;
                moveTo(target, source, event.eventId(), null, event.detail(), now);
                yield EventOutcome.APPLIED;
            }
        };
    }

    /**
     * Writes a change of one of its disputes to the history; the payment's status stays as it is.
     *
     * @param applied false for a report that was older than what is known and changed nothing
     */
    public void recordDisputeChange(ChangeSource source, String eventId, boolean applied, String detail, Instant now) {
        unsavedChanges.add(new StatusChange(status, status, source, eventId, applied, detail, now));
        updatedAt = now;
    }

    /**
     * Cancels a payment that has not succeeded.
     *
     * @param actor the signed-in user who canceled it; null when no user did
     */
    public void cancel(ChangeSource source, String actor, String detail, Instant now) {
        if (!status.canMoveTo(PaymentStatus.CANCELED)) {
            throw new IllegalTransitionException(id, status, PaymentStatus.CANCELED);
        }
        moveTo(PaymentStatus.CANCELED, source, null, actor, detail, now);
    }

    public boolean canBeCanceled() {
        return status.canMoveTo(PaymentStatus.CANCELED);
    }

    /**
     * Reserves a refund so that concurrent refunds can never add up to more than was captured.
     *
     * @param requestedAmount null for everything that is left
     */
    public Refund requestRefund(String refundId, Long requestedAmount, String reason, String idempotencyKey,
                                Instant now) {
        if (!status.isRefundable()) {
            throw new RefundNotAllowedException("a " + status.apiName() + " payment cannot be refunded");
        }
        long refundAmount = requestedAmount == null ? refunds.leftOf(amount.minorUnits()) : requestedAmount;
        refunds = refunds.reserve(refundAmount, amount);
        updatedAt = now;
        return new Refund(refundId, id, refundAmount, Refund.Status.PENDING, reason, idempotencyKey, null, now);
    }

    /**
     * The gateway made the refund. Takes the gateway's refunded total rather than adding amounts up, so a
     * webhook for the same refund that arrived first is not counted twice (then the result is DUPLICATE).
     *
     * @param actor the signed-in user who asked for the refund
     */
    public EventOutcome completeRefund(Refund refund, long gatewayRefundedTotal, String actor, Instant now) {
        refunds = refunds.release(refund);
        updatedAt = now;
        if (gatewayRefundedTotal <= refunds.refunded()) {
            // The webhook recorded the money first; who asked for the refund still belongs in the history.
            unsavedChanges.add(new StatusChange(status, status, ChangeSource.ADMIN, null, false, "refund of "
                    + new Money(refund.amount(), amount.currency()).format() + " already recorded from the gateway",
                    now, actor));
            return EventOutcome.DUPLICATE;
        }
        return applyRefundedTotal(gatewayRefundedTotal, ChangeSource.ADMIN, null, actor, now);
    }

    /** The gateway refused the refund: the reserved amount is refundable again. */
    public void releaseRefund(Refund refund, Instant now) {
        refunds = refunds.release(refund);
        updatedAt = now;
    }

    /**
     * A refund the gateway had accepted failed afterwards: the refunded total follows the gateway's down and the
     * status moves back ({@link PaymentStatus#canMoveBackAfterRefundFailure}). Call it once per refund; the
     * caller marks the refund failed with it.
     *
     * @param refund               the refund as it was: a pending one was only reserved, a made one counted in
     *                             the total
     * @param failureReason        the gateway's reason; may be null
     * @param gatewayRefundedTotal the gateway's total after the failure, or -1 when unknown: then the refund's
     *                             amount comes off the total if it was counted
     */
    public EventOutcome failRefund(Refund refund, String failureReason, long gatewayRefundedTotal,
                                   ChangeSource source, String eventId, Instant now) {
        if (refund.status() == Refund.Status.FAILED) {
            throw new IllegalStateException("refund " + refund.refundId() + " has already failed");
        }
        if (refund.status() == Refund.Status.PENDING) {
            refunds = refunds.release(refund);
        }
        long counted = refund.status() == Refund.Status.SUCCEEDED ? refund.amount() : 0;
        long total = gatewayRefundedTotal >= 0 ? Math.min(gatewayRefundedTotal, refunds.refunded())
                : Math.max(0, refunds.refunded() - counted);
        PaymentStatus target = total == 0 ? PaymentStatus.SUCCEEDED
                : total < amount.minorUnits() ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.REFUNDED;
        if (target != status && !status.canMoveBackAfterRefundFailure(target)) {
            return recordNotApplied(target, source, eventId, now);
        }
        refunds = refunds.refundedInTotal(total);
        String detail = "refund of " + new Money(refund.amount(), amount.currency()).format() + " failed"
                + (failureReason == null ? "" : " (" + failureReason + ")") + "; refunded "
                + new Money(total, amount.currency()).format() + " in total";
        moveTo(target, source, eventId, null, detail, now);
        return EventOutcome.APPLIED;
    }

    /**
     * A refunded total the gateway reported before one of the refunds failed still counts that refund (Stripe does
     * not order its events: a {@code charge.refunded} can arrive after the {@code refund.failed}): recorded, not
     * applied.
     */
    public EventOutcome refuseRefundedTotalFromBeforeAFailure(GatewayEvent event, ChangeSource source, Instant now) {
        unsavedChanges.add(new StatusChange(status, status, source, event.eventId(), false,
                "not applied: reported before a refund failed", now));
        return EventOutcome.STALE;
    }

    /** Status changes made since the payment was loaded; the repository appends them to the history. */
    public List<StatusChange> unsavedChanges() {
        return List.copyOf(unsavedChanges);
    }

    /** Called by the repository once the payment and its changes are stored. */
    public void markSaved(long savedVersion) {
        version = savedVersion;
        unsavedChanges.clear();
    }

    private EventOutcome applyRefundedTotal(long refundedTotal, ChangeSource source, String eventId, String actor,
                                            Instant now) {
        long total = Math.min(refundedTotal, amount.minorUnits());
        PaymentStatus target = total == amount.minorUnits() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        if (total <= refunds.refunded() || !status.canMoveTo(target)) {
            return recordNotApplied(target, source, eventId, now);
        }
        refunds = refunds.refundedInTotal(total);
        moveTo(target, source, eventId, actor, "refunded " + new Money(total, amount.currency()).format() + " in total",
                now);
        return EventOutcome.APPLIED;
    }

    /**
     * Whether an event is about this payment's current checkout session and PaymentIntent. An intent's event found
     * through our payment id alone may be an expired session's; and a hosted payment is canceled with its session
     * (Stripe cancels the session's PaymentIntent when the session expires), not by the intent's own event.
     */
    private boolean concernsCurrentCheckout(GatewayEvent event) {
        if (event.checkoutSessionId() != null) {
            return event.checkoutSessionId().equals(checkoutSessionId);
        }
        if (event.paymentReference() != null && gatewayReference != null
                && !event.paymentReference().equals(gatewayReference)) {
            return false;
        }
        return checkoutSessionId == null || event.type() != GatewayEventType.CANCELED;
    }

    private EventOutcome recordNotApplied(PaymentStatus target, ChangeSource source, String eventId, Instant now) {
        unsavedChanges.add(new StatusChange(status, target, source, eventId, false,
                "not applied: payment is already " + status.apiName(), now));
        return EventOutcome.STALE;
    }

    private void moveTo(PaymentStatus target, ChangeSource source, String eventId, String actor, String detail,
                        Instant now) {
        unsavedChanges.add(new StatusChange(status, target, source, eventId, true, detail, now, actor));
        status = target;
        updatedAt = now;
    }

    public PaymentId id() {
        return id;
    }

    public Customer customer() {
        return customer;
    }

    public String serviceType() {
        return serviceType;
    }

    public Money amount() {
        return amount;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public PaymentStatus status() {
        return status;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    /** Null for a payment made on the embedded form. */
    public String checkoutSessionId() {
        return checkoutSessionId;
    }

    public String transactionId() {
        return transactionId;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public long refundedAmount() {
        return refunds.refunded();
    }

    public long version() {
        return version;
    }
}
