package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Payment;

public interface GetPaymentStatusUseCase {

    /** @throws com.acme.payment.domain.model.PaymentNotFoundException also for ids that are not well formed */
    Payment getPayment(String paymentId);
}
