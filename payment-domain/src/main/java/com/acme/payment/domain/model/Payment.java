package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payment aggregate. Every status change is written to its {@link PaymentHistory}; changes the state machine
 * forbids are either refused (commands) or recorded as not applied (gateway events, which arrive late and out of
 * order). Refunds follow {@link PaymentRefunds}, gateway events {@link GatewayReports}.
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
    private final PaymentHistory history;
    private final PaymentRefunds refunds;
    private final GatewayReports reports;

    /** What a payment is from its start, and where its changing parts stand. */
    private Payment(PaymentId id, Customer customer, String serviceType, Money amount, String gateway,
                    Map<String, String> metadata, String idempotencyKey, String requestFingerprint, Instant createdAt,
                    PaymentHistory history, RefundBalance refundBalance, GatewayLink link, ChargeOutcome charge) {
        this.id = Objects.requireNonNull(id, "id");
        this.customer = Objects.requireNonNull(customer, "customer");
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.history = history;
        this.refunds = new PaymentRefunds(id, amount, refundBalance, history);
        this.reports = new GatewayReports(id, link, charge, history, refunds);
    }

    /** A new payment, waiting for the customer's card. */
    public static Payment start(PaymentId id, Customer customer, String serviceType, Money amount, String gateway,
                                String idempotencyKey, String requestFingerprint, Map<String, String> metadata,
                                Instant now) {
        Payment payment = new Payment(id, customer, serviceType, amount, gateway, metadata, idempotencyKey,
                requestFingerprint, now, new PaymentHistory(PaymentStatus.PENDING, now, 0), RefundBalance.NONE,
                GatewayLink.NONE, ChargeOutcome.NONE);
        payment.history.created(now);
        return payment;
    }

    /** Rebuilds a stored payment. The only way persistence creates one. */
    public static Payment reconstitute(PaymentSnapshot stored) {
        return new Payment(stored.id(), new Customer(stored.customerName(), stored.customerEmail()),
                stored.serviceType(), new Money(stored.amount(), stored.currency()), stored.gateway(),
                stored.metadata(), stored.idempotencyKey(), stored.requestFingerprint(), stored.createdAt(),
                new PaymentHistory(stored.status(), stored.updatedAt(), stored.version()),
                new RefundBalance(stored.refundedAmount(), stored.refundReservedAmount()),
                new GatewayLink(stored.gatewayReference(), stored.checkoutSessionId()),
                new ChargeOutcome(stored.transactionId(), stored.failureCode(), stored.failureMessage()));
    }

    /** Every stored field, for persistence and the admin views. */
    public PaymentSnapshot snapshot() {
        RefundBalance balance = refunds.balance();
        GatewayLink link = reports.link();
        ChargeOutcome charge = reports.charge();
        return new PaymentSnapshot(id, customer.name(), customer.email(), serviceType, amount.minorUnits(),
                amount.currency(), history.status(), gateway, link.reference(), charge.transactionId(),
                charge.failureCode(), charge.failureMessage(), balance.refunded(), balance.reserved(), metadata,
                idempotencyKey, requestFingerprint, history.version(), createdAt, history.updatedAt(),
                link.checkoutSessionId());
    }

    public void attachGatewayReference(String reference, Instant now) {
        reports.attachReference(reference, now);
    }

    /** The Stripe Checkout session the customer pays on; a new one replaces an expired one. */
    public void attachCheckoutSession(String sessionId, Instant now) {
        reports.attachCheckoutSession(sessionId, now);
    }

    /** Applies what the gateway reports. Never throws for ordering problems: they are recorded instead. */
    public EventOutcome apply(GatewayEvent event, ChangeSource source, Instant now) {
        return reports.apply(event, source, now);
    }

    /**
     * Writes a change of one of its disputes to the history, the status staying as it is; not {@code applied} when
     * the report was older than what is known.
     */
    public void recordDisputeChange(ChangeSource source, String eventId, boolean applied, String detail, Instant now) {
        history.note(source, eventId, applied, detail, null, now);
        history.touch(now);
    }

    /** Cancels a payment that has not succeeded; {@code actor} is the signed-in user who did, or null. */
    public void cancel(ChangeSource source, String actor, String detail, Instant now) {
        if (!canBeCanceled()) {
            throw new IllegalTransitionException(id, history.status(), PaymentStatus.CANCELED);
        }
        history.moveTo(PaymentStatus.CANCELED, source, null, actor, detail, now);
    }

    public boolean canBeCanceled() {
        return history.status().canMoveTo(PaymentStatus.CANCELED);
    }

    /** Reserves a refund; {@code requestedAmount} is null for everything that is left. */
    public Refund requestRefund(String refundId, Long requestedAmount, String reason, String idempotencyKey,
                                Instant now) {
        return refunds.request(refundId, requestedAmount, reason, idempotencyKey, now);
    }

    /** The gateway made the refund that {@code actor}, a signed-in user, asked for. */
    public EventOutcome completeRefund(Refund refund, long gatewayRefundedTotal, String actor, Instant now) {
        return refunds.complete(refund, gatewayRefundedTotal, actor, now);
    }

    /** The gateway refused the refund: the reserved amount is refundable again. */
    public void releaseRefund(Refund refund, Instant now) {
        refunds.release(refund, now);
    }

    /**
     * A refund the gateway had accepted failed afterwards. Call it once per refund, with the refund as it was
     * (pending or made); the caller marks it failed. {@code gatewayRefundedTotal} is -1 when unknown.
     */
    public EventOutcome failRefund(Refund refund, String failureReason, long gatewayRefundedTotal,
                                   ChangeSource source, String eventId, Instant now) {
        return refunds.fail(refund, failureReason, gatewayRefundedTotal, source, eventId, now);
    }

    /** Records a refunded total that still counts a refund which has failed since: not applied. */
    public EventOutcome refuseRefundedTotalFromBeforeAFailure(GatewayEvent event, ChangeSource source, Instant now) {
        return refunds.refuseTotalFromBeforeAFailure(source, event.eventId(), now);
    }

    /** Status changes made since the payment was loaded; the repository appends them to the history. */
    public List<StatusChange> unsavedChanges() {
        return history.unsaved();
    }

    /** Called by the repository once the payment and its changes are stored. */
    public void markSaved(long savedVersion) {
        history.saved(savedVersion);
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
        return history.status();
    }

    public String gatewayReference() {
        return reports.link().reference();
    }

    /** Null for a payment made on the embedded form. */
    public String checkoutSessionId() {
        return reports.link().checkoutSessionId();
    }

    public String transactionId() {
        return reports.charge().transactionId();
    }

    public String failureMessage() {
        return reports.charge().failureMessage();
    }

    public long refundedAmount() {
        return refunds.balance().refunded();
    }

    public long version() {
        return history.version();
    }
}
