package com.acme.payment.domain.service;

import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.port.in.GetPaymentDetailsUseCase;
import com.acme.payment.domain.port.in.GetPaymentStatusUseCase;
import com.acme.payment.domain.port.in.ListPaymentsUseCase;
import com.acme.payment.domain.port.in.PaymentStatisticsUseCase;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;

/** Read-only use cases. */
public class PaymentQueryService
        implements GetPaymentStatusUseCase, GetPaymentDetailsUseCase, ListPaymentsUseCase, PaymentStatisticsUseCase {

    private final PaymentQueries queries;

    public PaymentQueryService(PaymentQueries queries) {
        this.queries = queries;
    }

    @Override
    public PaymentStatusView getStatus(String paymentId) {
        return queries.findStatus(PaymentTransactions.wellFormedId(paymentId))
                .orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    @Override
    public PaymentDetails getDetails(String paymentId) {
        return queries.findDetails(PaymentTransactions.wellFormedId(paymentId))
                .orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    @Override
    public PaymentPage list(PaymentSearch search) {
        return queries.search(search);
    }

    @Override
    public PaymentStatistics statistics(Instant from, Instant to) {
        return queries.statistics(from, to);
    }

    @Override
    public DailyStatistics dailyStatistics(Instant from, Instant to) {
        return queries.dailyStatistics(from, to);
    }
}
