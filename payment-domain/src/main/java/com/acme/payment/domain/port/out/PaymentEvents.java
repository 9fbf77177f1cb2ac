package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.PaymentChanged;

/**
 * Announces stored changes of payments. Called inside the transaction that stored the change; an implementation
 * delivers it only after that transaction commits, and never for one that rolls back.
 */
public interface PaymentEvents {

    void publish(PaymentChanged change);
}
