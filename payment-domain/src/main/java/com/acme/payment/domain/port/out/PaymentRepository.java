package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores payments, their audit trail, their refunds and the gateway events already handled. */
public interface PaymentRepository {

    /**
     * Stores a new payment and its first history entry.
     *
     * @throws DuplicateIdempotencyKeyException when another payment already holds its idempotency key
     */
    void insert(Payment payment);

    /**
     * Stores the payment's changes and appends its unsaved history, if its version is still the stored one.
     *
     * @throws com.acme.payment.domain.model.StalePaymentException when someone else changed it first
     */
    void update(Payment payment);

    Optional<Payment> findById(PaymentId id);

    /** The polled view of one payment; the hottest read, so it skips rebuilding the aggregate. */
    Optional<PaymentStatusView> findStatus(PaymentId id);

    Optional<Payment> findByGatewayReference(String gatewayReference);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    /** The audit trail, oldest first. */
    List<StatusChange> findHistory(PaymentId id);

    /**
     * Remembers that a gateway event was handled. Must run in the transaction that applies it.
     *
     * @return false when the event id was already recorded (a duplicate delivery)
     */
    boolean recordGatewayEvent(String eventId, String eventType, Instant receivedAt);

    void insertRefund(Refund refund);

    void updateRefund(Refund refund);

    Optional<Refund> findRefundByIdempotencyKey(PaymentId paymentId, String idempotencyKey);

    List<Refund> findRefunds(PaymentId id);

    /** Payments still waiting on the gateway that have not changed since {@code updatedBefore}, oldest first. */
    List<Payment> findUnresolved(Instant updatedBefore, int limit);

    PaymentPage search(PaymentSearch search);

    /** Counts by status and money per currency for payments created in the range (either end may be null). */
    PaymentStatistics statistics(Instant from, Instant to);
}
