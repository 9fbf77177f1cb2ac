package com.acme.payment.domain.port.in;

import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;

public interface ListPaymentsUseCase {

    PaymentPage list(PaymentSearch search);
}
