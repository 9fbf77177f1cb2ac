package com.acme.payment.domain.port.in;

import com.acme.payment.domain.query.PaymentStatusView;

public interface GetPaymentStatusUseCase {

    /** @throws com.acme.payment.domain.model.PaymentNotFoundException also for ids that are not well formed */
    PaymentStatusView getStatus(String paymentId);
}
