package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores the payment aggregate with its audit trail, versioned so that concurrent changes cannot be lost. */
public interface PaymentRepository {

    /**
     * Stores a new payment, at version 0, and its first history entry.
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

    Optional<Payment> findByGatewayReference(String gatewayReference);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    /** Payments still waiting on the gateway that have not changed since {@code updatedBefore}, oldest first. */
    List<Payment> findUnresolved(Instant updatedBefore, int limit);
}
