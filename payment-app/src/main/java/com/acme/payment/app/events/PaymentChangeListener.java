package com.acme.payment.app.events;

import com.acme.payment.domain.model.PaymentChanged;

/**
 * Hears every stored change of a payment, once its transaction has committed, on the thread that committed it.
 * Declare one as a bean to be called. The change is already stored: a listener must be quick, must not write to
 * the database, and its failure is logged and changes nothing.
 */
@FunctionalInterface
public interface PaymentChangeListener {

    void paymentChanged(PaymentChanged change);
}
