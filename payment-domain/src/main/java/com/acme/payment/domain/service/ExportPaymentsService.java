package com.acme.payment.domain.service;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.ExportPaymentsUseCase;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.port.out.TransactionRunner;
import com.acme.payment.domain.query.PaymentFilter;
import java.util.function.Consumer;

/** Exports in one transaction: the database can then hand rows over a few at a time, never all at once. */
public class ExportPaymentsService implements ExportPaymentsUseCase {

    private final PaymentQueries queries;
    private final TransactionRunner transactions;

    public ExportPaymentsService(PaymentQueries queries, TransactionRunner transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    @Override
    public void export(PaymentFilter filter, Consumer<Payment> each) {
        transactions.inTransaction(() -> {
            queries.forEach(filter, each);
            return null;
        });
    }
}
