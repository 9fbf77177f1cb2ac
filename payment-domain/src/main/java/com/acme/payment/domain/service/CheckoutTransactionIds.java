package com.acme.payment.domain.service;

import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.PaymentGateway;

/**
 * A paid {@code checkout.session.completed} names the session's PaymentIntent but not its charge, which is the
 * payment's transaction id: this asks the gateway for it once the event is verified, before any transaction opens.
 * If the gateway cannot answer, the webhook fails and Stripe delivers it again.
 */
public final class CheckoutTransactionIds implements GatewayEventVerifier {

    private final GatewayEventVerifier verifier;
    private final PaymentGateway gateway;

    public CheckoutTransactionIds(GatewayEventVerifier verifier, PaymentGateway gateway) {
        this.verifier = verifier;
        this.gateway = gateway;
    }

    @Override
    public ReceivedGatewayEvent verified(String payload, String signatureHeader) {
        return withTransactionId(verifier.verified(payload, signatureHeader));
    }

    @Override
    public ReceivedGatewayEvent trusted(String payload) {
        return withTransactionId(verifier.trusted(payload));
    }

    private ReceivedGatewayEvent withTransactionId(ReceivedGatewayEvent received) {
        GatewayEvent event = received.event();
        if (event.checkoutSessionId() != null && event.type() == GatewayEventType.SUCCEEDED
                && event.transactionId() == null && event.paymentReference() != null) {
            return new ReceivedGatewayEvent(received.gatewayType(), received.apiVersion(), received.createdAt(),
                    received.payload(),
                    event.withTransactionId(gateway.retrieveIntent(event.paymentReference()).transactionId()));
        }
        return received;
    }
}
