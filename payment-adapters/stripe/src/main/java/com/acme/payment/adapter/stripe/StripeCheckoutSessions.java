package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.Locale;

/** {@link HostedCheckout} on Stripe's Checkout Sessions, through the payment gateway's client. */
final class StripeCheckoutSessions implements HostedCheckout {

    private final StripeClient client;
    private final StripePaymentGateway gateway;

    StripeCheckoutSessions(StripeClient client, StripePaymentGateway gateway) {
        this.client = client;
        this.gateway = gateway;
    }

    @Override
    public CheckoutSession createSession(Payment payment, String itemName, String successUrl, String cancelUrl,
                                         Instant expiresAt, String idempotencyKey) {
        String paymentId = payment.id().value();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(payment.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(payment.amount().minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(itemName)
                                        .build())
                                .build())
                        .build())
                .setCustomerEmail(payment.customer().email())
                .setClientReferenceId(paymentId)
                .putMetadata("payment_id", paymentId)
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setExpiresAt(expiresAt.getEpochSecond())
                // The PaymentIntent's events find the payment by this before the session's events name the intent.
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("payment_id", paymentId)
                        .putMetadata("service_type", payment.serviceType())
                        .setDescription(payment.serviceType() + " payment " + paymentId)
                        .setReceiptEmail(payment.customer().email())
                        .build())
                .build();
        return gateway.call("create a checkout session for " + paymentId,
                () -> toSession(client.v1().checkout().sessions().create(params, StripePaymentGateway.idempotent(idempotencyKey))));
    }

    @Override
    public CheckoutSession retrieveSession(String sessionId) {
        return gateway.call("retrieve " + sessionId,
                () -> toSession(client.v1().checkout().sessions().retrieve(sessionId)));
    }

    @Override
    public CheckoutSession expireSession(String sessionId) {
        return gateway.call("expire " + sessionId,
                () -> toSession(client.v1().checkout().sessions().expire(sessionId)));
    }

    private static CheckoutSession toSession(Session session) {
        State state = switch (String.valueOf(session.getStatus())) {
            case "open" -> State.OPEN;
            case "complete" -> State.COMPLETE;
            case "expired" -> State.EXPIRED;
            default -> throw new GatewayException(Reason.INVALID_REQUEST, "Stripe reported the unknown status "
                    + session.getStatus() + " for " + session.getId(), null, null, null);
        };
        return new CheckoutSession(session.getId(), session.getUrl(), state, "paid".equals(session.getPaymentStatus()),
                session.getPaymentIntent());
    }
}
