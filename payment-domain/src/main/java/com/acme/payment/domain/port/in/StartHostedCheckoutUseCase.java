package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Command;

/**
 * A customer starts paying on the gateway's hosted page: the payment is stored as for the embedded form, then a
 * checkout session is opened for it. The same Idempotency-Key returns the payment's open session, or a new session
 * for the same payment when the last one expired.
 */
public interface StartHostedCheckoutUseCase {

    /**
     * @throws com.acme.payment.domain.model.CheckoutUnavailableException when the payment is paid, being paid,
     *         canceled, or paid on the embedded form
     */
    Result start(Command command);

    /** @param url the hosted page to send the customer to */
    record Result(Payment payment, String url, boolean replayed) {
    }
}
