package com.acme.payment.domain.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it commits, or none of it. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
