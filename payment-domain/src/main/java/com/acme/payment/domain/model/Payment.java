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
    private PaymentStatus status;
    private String gatewayReference;
    private String transactionId;
    private String failureCode;
    private String failureMessage;
    private long refundedAmount;
    private long refundReservedAmount;
    private long version;
    private Instant updatedAt;
    private final List<StatusChange> unsavedChanges = new ArrayList<>();

    private Payment(Snapshot snapshot) {
        this.id = Objects.requireNonNull(snapshot.id(), "id");
        this.customer = new Customer(snapshot.customerName(), snapshot.customerEmail());
        this.serviceType = Objects.requireNonNull(snapshot.serviceType(), "serviceType");
        this.amount = new Money(snapshot.amount(), snapshot.currency());
        this.gateway = Objects.requireNonNull(snapshot.gateway(), "gateway");
        this.metadata = snapshot.metadata() == null ? Map.of() : Map.copyOf(snapshot.metadata());
        this.idempotencyKey = snapshot.idempotencyKey();
        this.requestFingerprint = snapshot.requestFingerprint();
        this.createdAt = Objects.requireNonNull(snapshot.createdAt(), "createdAt");
        this.status = Objects.requireNonNull(snapshot.status(), "status");
        this.gatewayReference = snapshot.gatewayReference();
        this.transactionId = snapshot.transactionId();
        this.failureCode = snapshot.failureCode();
        this.failureMessage = snapshot.failureMessage();
        this.refundedAmount = snapshot.refundedAmount();
        this.refundReservedAmount = snapshot.refundReservedAmount();
        this.version = snapshot.version();
        this.updatedAt = Objects.requireNonNull(snapshot.updatedAt(), "updatedAt");
    }

    /** A new payment, waiting for the customer's card. */
    public static Payment start(PaymentId id, Customer customer, String serviceType, Money amount, String gateway,
                                String idempotencyKey, String requestFingerprint, Map<String, String> metadata,
                                Instant now) {
        Payment payment = new Payment(new Snapshot(id, customer.name(), customer.email(), serviceType,
                amount.minorUnits(), amount.currency(), PaymentStatus.PENDING, gateway, null, null, null, null,
                0, 0, metadata, idempotencyKey, requestFingerprint, 0, now, now));
        payment.unsavedChanges.add(new StatusChange(null, PaymentStatus.PENDING, ChangeSource.API, null, true,
                "payment created", now));
        return payment;
    }

    /** Rebuilds a stored payment. The only way persistence creates one. */
    public static Payment reconstitute(Snapshot snapshot) {
        return new Payment(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, customer.name(), customer.email(), serviceType, amount.minorUnits(),
                amount.currency(), status, gateway, gatewayReference, transactionId, failureCode, failureMessage,
                refundedAmount, refundReservedAmount, metadata, idempotencyKey, requestFingerprint, version,
                createdAt, updatedAt);
    }

    public void attachGatewayReference(String reference, Instant now) {
        Objects.requireNonNull(reference, "reference");
        if (gatewayReference != null && !gatewayReference.equals(reference)) {
            throw new IllegalStateException("payment " + id + " already has gateway reference " + gatewayReference);
        }
        gatewayReference = reference;
        updatedAt = now;
    }

    /** Applies what the gateway reports. Never throws for ordering problems: they are recorded instead. */
    public EventOutcome apply(GatewayEvent event, ChangeSource source, Instant now) {
        return switch (event.type()) {
            case UNHANDLED -> EventOutcome.IGNORED;
            case DISPUTE_CREATED -> {
                unsavedChanges.add(new StatusChange(status, status, source, event.eventId(), true,
                        "dispute opened" + (event.detail() == null ? "" : ": " + event.detail()), now));
                updatedAt = now;
                yield EventOutcome.APPLIED;
            }
            case REFUND_UPDATED -> applyRefundedTotal(event.refundedTotal(), source, event.eventId(), now);
            default -> {
                PaymentStatus target = event.type().target().orElseThrow();
                if (!status.canMoveTo(target)) {
                    yield recordNotApplied(target, source, event.eventId(), now);
                }
                if (target == PaymentStatus.SUCCEEDED) {
                    transactionId = event.transactionId();
                }
                if (target == PaymentStatus.FAILED) {
                    failureCode = event.failureCode();
                    failureMessage = event.failureMessage();
                } else {
                    failureCode = null;
                    failureMessage = null;
                }
                moveTo(target, source, event.eventId(), event.detail(), now);
                yield EventOutcome.APPLIED;
            }
        };
    }

    /** Cancels a payment that has not succeeded. */
    public void cancel(ChangeSource source, String detail, Instant now) {
        if (!status.canMoveTo(PaymentStatus.CANCELED)) {
            throw new IllegalTransitionException(id, status, PaymentStatus.CANCELED);
        }
        moveTo(PaymentStatus.CANCELED, source, null, detail, now);
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
        long refundable = refundableAmount();
        long refundAmount = requestedAmount == null ? refundable : requestedAmount;
        if (refundAmount <= 0) {
            throw new RefundNotAllowedException("nothing is left to refund");
        }
        if (refundAmount > refundable) {
            throw new RefundNotAllowedException("a refund of " + refundAmount + " exceeds the refundable "
                    + refundable + " " + amount.currency());
        }
        refundReservedAmount += refundAmount;
        updatedAt = now;
        return new Refund(refundId, id, refundAmount, Refund.Status.PENDING, reason, idempotencyKey, null, now);
    }

    /**
     * The gateway made the refund. Takes the gateway's refunded total rather than adding amounts up, so a
     * webhook for the same refund that arrived first is not counted twice (then the result is DUPLICATE).
     */
    public EventOutcome completeRefund(Refund refund, long gatewayRefundedTotal, Instant now) {
        releaseReservation(refund);
        updatedAt = now;
        if (gatewayRefundedTotal <= refundedAmount) {
            return EventOutcome.DUPLICATE;
        }
        return applyRefundedTotal(gatewayRefundedTotal, ChangeSource.ADMIN, null, now);
    }

    /** The gateway refused the refund: the reserved amount is refundable again. */
    public void releaseRefund(Refund refund, Instant now) {
        releaseReservation(refund);
        updatedAt = now;
    }

    public long refundableAmount() {
        return amount.minorUnits() - refundedAmount - refundReservedAmount;
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

    private EventOutcome applyRefundedTotal(long refundedTotal, ChangeSource source, String eventId, Instant now) {
        long total = Math.min(refundedTotal, amount.minorUnits());
        PaymentStatus target = total == amount.minorUnits() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        if (total <= refundedAmount || !status.canMoveTo(target)) {
            return recordNotApplied(target, source, eventId, now);
        }
        refundedAmount = total;
        moveTo(target, source, eventId, "refunded " + new Money(total, amount.currency()).format() + " in total", now);
        return EventOutcome.APPLIED;
    }

    private void releaseReservation(Refund refund) {
        if (refund.amount() > refundReservedAmount) {
            throw new IllegalStateException("refund " + refund.refundId() + " was not reserved on " + id);
        }
        refundReservedAmount -= refund.amount();
    }

    private EventOutcome recordNotApplied(PaymentStatus target, ChangeSource source, String eventId, Instant now) {
        unsavedChanges.add(new StatusChange(status, target, source, eventId, false,
                "not applied: payment is already " + status.apiName(), now));
        return EventOutcome.STALE;
    }

    private void moveTo(PaymentStatus target, ChangeSource source, String eventId, String detail, Instant now) {
        unsavedChanges.add(new StatusChange(status, target, source, eventId, true, detail, now));
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

    public String gateway() {
        return gateway;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public String idempotencyKey() {
        return idempotencyKey;
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

    public String transactionId() {
        return transactionId;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public long refundedAmount() {
        return refundedAmount;
    }

    public long refundReservedAmount() {
        return refundReservedAmount;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Every stored field of a payment, for persistence. */
    public record Snapshot(
            PaymentId id,
            String customerName,
            String customerEmail,
            String serviceType,
            long amount,
            String currency,
            PaymentStatus status,
            String gateway,
            String gatewayReference,
            String transactionId,
            String failureCode,
            String failureMessage,
            long refundedAmount,
            long refundReservedAmount,
            Map<String, String> metadata,
            String idempotencyKey,
            String requestFingerprint,
            long version,
            Instant createdAt,
            Instant updatedAt) {
    }
}
