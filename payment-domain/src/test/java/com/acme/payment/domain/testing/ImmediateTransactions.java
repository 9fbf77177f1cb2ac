package com.acme.payment.domain.testing;

import com.acme.payment.domain.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Runs work directly and counts transactions; for unit tests of services. */
public final class ImmediateTransactions implements TransactionRunner {

    private int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        return work.get();
    }

    public int started() {
        return started;
    }
}
