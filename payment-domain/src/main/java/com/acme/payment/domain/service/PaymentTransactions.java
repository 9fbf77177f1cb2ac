package com.acme.payment.domain.service;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads payments and runs changes to them in transactions, retrying when a concurrent change won. Every change is
 * stored here, and announced on {@link PaymentEvents} in the transaction that stores it.
 */
final class PaymentTransactions {

    static final int MAX_ATTEMPTS = 5;

    private final PaymentRepository repository;
    private final TransactionRunner transactions;
    private final PaymentEvents events;

    PaymentTransactions(PaymentRepository repository, TransactionRunner transactions, PaymentEvents events) {
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
    }

    void insert(Payment payment) {
        store(payment, repository::insert);
    }

    void update(Payment payment) {
        store(payment, repository::update);
    }

    private void store(Payment payment, Consumer<Payment> storage) {
        List<StatusChange> changes = payment.unsavedChanges();
        storage.accept(payment);
        events.publish(new PaymentChanged(payment.id(), payment.version(), payment.status(), changes));
    }

    Payment load(String paymentId) {
        return repository.findById(wellFormedId(paymentId)).orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    /** An id that is not well formed names no payment: not found, like any unknown id. */
    static PaymentId wellFormedId(String paymentId) {
        if (!PaymentId.isWellFormed(paymentId)) {
            throw new PaymentNotFoundException(paymentId);
        }
        return new PaymentId(paymentId);
    }

    /** Runs {@code change} in a transaction; on a stale payment the whole transaction is rolled back and run again. */
    <T> T retryingStale(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(change);
            } catch (StalePaymentException stale) {
                if (attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }

    <T> T once(Supplier<T> work) {
        return transactions.inTransaction(work);
    }
}
