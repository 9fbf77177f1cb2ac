package com.acme.payment.domain.port.in;

import com.acme.payment.domain.query.PaymentDetails;

public interface GetPaymentDetailsUseCase {

    PaymentDetails getDetails(String paymentId);
}
