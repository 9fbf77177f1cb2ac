package com.acme.payment.domain.service;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Loads payments and runs changes to them in transactions, retrying when a concurrent change won. */
final class PaymentTransactions {

    static final int MAX_ATTEMPTS = 5;

    private final PaymentRepository repository;
    private final TransactionRunner transactions;

    PaymentTransactions(PaymentRepository repository, TransactionRunner transactions) {
        this.repository = repository;
        this.transactions = transactions;
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
