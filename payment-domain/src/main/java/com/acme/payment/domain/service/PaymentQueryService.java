package com.acme.payment.domain.service;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.port.in.GetPaymentDetailsUseCase;
import com.acme.payment.domain.port.in.GetPaymentStatusUseCase;
import com.acme.payment.domain.port.in.ListPaymentsUseCase;
import com.acme.payment.domain.port.in.PaymentStatisticsUseCase;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;

/** Read-only use cases. */
public class PaymentQueryService
        implements GetPaymentStatusUseCase, GetPaymentDetailsUseCase, ListPaymentsUseCase, PaymentStatisticsUseCase {

    private final PaymentRepository repository;
    private final PaymentTransactions transactions;

    public PaymentQueryService(PaymentRepository repository, TransactionRunner transactions) {
        this.repository = repository;
        this.transactions = new PaymentTransactions(repository, transactions);
    }

    @Override
    public PaymentStatusView getStatus(String paymentId) {
        return repository.findStatus(PaymentTransactions.wellFormedId(paymentId))
                .orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    @Override
    public PaymentDetails getDetails(String paymentId) {
        Payment payment = transactions.load(paymentId);
        return new PaymentDetails(payment, repository.findHistory(payment.id()), repository.findRefunds(payment.id()));
    }

    @Override
    public PaymentPage list(PaymentSearch search) {
        return repository.search(search);
    }

    @Override
    public PaymentStatistics statistics(Instant from, Instant to) {
        return repository.statistics(from, to);
    }
}
