package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.in.CancelPaymentUseCase;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.time.Clock;

/** An admin cancels a payment that has not succeeded: first at the gateway, then here. */
public class CancelPaymentService implements CancelPaymentUseCase {

    private final PaymentGateway gateway;
    private final HostedCheckout checkout;
    private final PaymentTransactions transactions;
    private final Clock clock;

    public CancelPaymentService(PaymentRepository repository, PaymentGateway gateway, HostedCheckout checkout,
                                TransactionRunner transactions, PaymentEvents events, Clock clock) {
        this.gateway = gateway;
        this.checkout = checkout;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.clock = clock;
    }

    @Override
    public Payment cancel(String paymentId, String actor) {
        Payment payment = transactions.load(paymentId);
        if (!payment.canBeCanceled()) {
            throw new IllegalTransitionException(payment.id(), payment.status(), PaymentStatus.CANCELED);
        }
        if (payment.checkoutSessionId() != null) {
            // Checkout owns the session's PaymentIntent: expiring the session cancels it.
            if (checkout.retrieveSession(payment.checkoutSessionId()).state() == HostedCheckout.State.OPEN) {
                checkout.expireSession(payment.checkoutSessionId());
            }
        } else if (payment.gatewayReference() != null) {
            gateway.cancelIntent(payment.gatewayReference());
        }
        return transactions.retryingStale(() -> {
            Payment current = transactions.load(paymentId);
            if (current.status() == PaymentStatus.CANCELED) {
                return current; // the gateway's canceled webhook got here first
            }
            current.cancel(ChangeSource.ADMIN, actor, "canceled by an admin", clock.instant());
            transactions.update(current);
            return current;
        });
    }
}
