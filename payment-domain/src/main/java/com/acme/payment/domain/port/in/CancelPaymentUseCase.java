package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Payment;

public interface CancelPaymentUseCase {

    /**
     * @param actor the signed-in user who cancels, recorded in the payment's history
     * @throws com.acme.payment.domain.model.IllegalTransitionException when the payment can no longer be canceled
     */
    Payment cancel(String paymentId, String actor);
}
