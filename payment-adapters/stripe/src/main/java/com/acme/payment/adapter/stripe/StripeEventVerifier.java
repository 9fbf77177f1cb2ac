package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.model.RefundFailure;
import com.acme.payment.domain.model.StripeCurrencies;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the {@code Stripe-Signature} of a webhook on its raw body, then reads the event. Also verifies what
 * the sandbox gateway signs, since it uses Stripe's format.
 */
public class StripeEventVerifier implements GatewayEventVerifier {

    /** Stripe's recommended limit on a signature's age; older ones may be replays. */
    static final long TOLERANCE_SECONDS = 300;

    private final String webhookSecret;
    private final boolean livemode;
    private final Clock clock;

    /**
     * @param livemode whether the secret key is a live one (see {@link StripeSettings#isLiveKey}); an event from
     *                 the other mode is refused, since acting on it would mix test and real payments
     */
    public StripeEventVerifier(String webhookSecret, boolean livemode, Clock clock) {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the Stripe webhook secret is missing");
        }
        this.webhookSecret = webhookSecret;
        this.livemode = livemode;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ReceivedGatewayEvent verified(String payload, String signatureHeader) {
        return received(verifiedEvent(payload, signatureHeader), payload);
    }

    @Override
    public ReceivedGatewayEvent trusted(String payload) {
        Event event;
        try {
            event = Webhook.constructEventWithoutVerification(payload);
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("the event cannot be read: " + e.getMessage(), e);
        }
        return received(checkedEvent(event), payload);
    }

    private ReceivedGatewayEvent received(Event event, String payload) {
        return new ReceivedGatewayEvent(event.getType(), event.getApiVersion(), Instant.ofEpochSecond(event.getCreated()),
                payload, toGatewayEvent(event));
    }

    private GatewayEvent toGatewayEvent(Event event) {
        Instant occurredAt = Instant.ofEpochSecond(event.getCreated());
        String type = event.getType();
        return switch (type) {
            case "payment_intent.processing" -> intentEvent(event, GatewayEventType.PROCESSING, occurredAt);
            case "payment_intent.requires_action" -> intentEvent(event, GatewayEventType.REQUIRES_ACTION, occurredAt);
            case "payment_intent.succeeded" -> intentEvent(event, GatewayEventType.SUCCEEDED, occurredAt);
            case "payment_intent.payment_failed" -> intentEvent(event, GatewayEventType.PAYMENT_FAILED, occurredAt);
            case "payment_intent.canceled" -> intentEvent(event, GatewayEventType.CANCELED, occurredAt);
            case "charge.refunded", "charge.refund.updated" -> refundEvent(event, occurredAt);
            case "charge.dispute.created" -> disputeEvent(event, GatewayEventType.DISPUTE_CREATED, occurredAt);
            case "charge.dispute.updated" -> disputeEvent(event, GatewayEventType.DISPUTE_UPDATED, occurredAt);
            case "charge.dispute.closed" -> disputeEvent(event, GatewayEventType.DISPUTE_CLOSED, occurredAt);
            case StripeDisputes.FUNDS_WITHDRAWN ->
                    disputeEvent(event, GatewayEventType.DISPUTE_FUNDS_WITHDRAWN, occurredAt);
            case StripeDisputes.FUNDS_REINSTATED ->
                    disputeEvent(event, GatewayEventType.DISPUTE_FUNDS_REINSTATED, occurredAt);
            case "checkout.session.completed", "checkout.session.async_payment_succeeded",
                 "checkout.session.async_payment_failed", "checkout.session.expired" ->
                    checkoutEvent(event, occurredAt);
            default -> type.startsWith("refund.")
                    ? refundEvent(event, occurredAt)
                    : GatewayEvent.unhandled(event.getId(), type, occurredAt);
        };
    }

    private Event verifiedEvent(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("the Stripe-Signature header is missing", null);
        }
        if (payload == null || payload.isBlank()) {
            throw new InvalidWebhookException("the webhook body is empty", null);
        }
        Event event;
        try {
            // Verifies the signature on the raw body before parsing anything.
            event = Webhook.constructEvent(payload, signatureHeader, webhookSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("the webhook signature is not valid: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // stripe-java fails with unchecked exceptions on a header it cannot split or a body that is not JSON
            throw new InvalidWebhookException("the webhook cannot be read: " + e.getMessage(), e);
        }
        return checkedEvent(event);
    }

    private Event checkedEvent(Event event) {
        if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
            throw new InvalidWebhookException("the webhook body is not a Stripe event", null);
        }
        if (event.getLivemode() != null && event.getLivemode() != livemode) {
            throw new InvalidWebhookException("event " + event.getId() + " is a " + modeName(event.getLivemode())
                    + " event but the secret key is a " + modeName(livemode)
                    + " key: point the webhook endpoint and STRIPE_SECRET_KEY at the same mode", null);
        }
        return event;
    }

    private static String modeName(boolean live) {
        return live ? "live-mode" : "test-mode";
    }

    private static GatewayEvent intentEvent(Event event, GatewayEventType type, Instant occurredAt) {
        PaymentIntent intent = dataObject(event, PaymentIntent.class);
        String transactionId = type == GatewayEventType.SUCCEEDED ? intent.getLatestCharge() : null;
        String failureCode = null;
        String failureMessage = null;
        if (type == GatewayEventType.PAYMENT_FAILED) {
            StripeError error = intent.getLastPaymentError();
            failureCode = error == null ? null : DeclineMessages.codeOf(error);
            failureMessage = DeclineMessages.forCode(failureCode);
        }
        String paymentId = intent.getMetadata() == null ? null : intent.getMetadata().get("payment_id");
        return new GatewayEvent(event.getId(), type, intent.getId(), occurredAt, transactionId, failureCode,
                failureMessage, 0, null, null, paymentId, null, null);
    }

    /**
     * A hosted checkout session's event. It names our payment (client_reference_id) and, once the customer paid or
     * tried to, the session's PaymentIntent; a completed session that is not paid yet waits for a delayed method.
     */
    private static GatewayEvent checkoutEvent(Event event, Instant occurredAt) {
        Session session = dataObject(event, Session.class);
        String paymentId = session.getClientReferenceId() != null ? session.getClientReferenceId()
                : session.getMetadata() == null ? null : session.getMetadata().get("payment_id");
        if (paymentId == null) {
            return GatewayEvent.unhandled(event.getId(), event.getType(), occurredAt);
        }
        GatewayEventType type = switch (event.getType()) {
            case "checkout.session.completed" -> "paid".equals(session.getPaymentStatus())
                    ? GatewayEventType.SUCCEEDED : GatewayEventType.PROCESSING;
            case "checkout.session.async_payment_succeeded" -> GatewayEventType.SUCCEEDED;
            case "checkout.session.async_payment_failed" -> GatewayEventType.PAYMENT_FAILED;
            default -> GatewayEventType.CANCELED;
        };
        String failureMessage = type == GatewayEventType.PAYMENT_FAILED ? DeclineMessages.forCode(null) : null;
        return new GatewayEvent(event.getId(), type, session.getPaymentIntent(), occurredAt, null, null,
                failureMessage, 0, null, null, paymentId, session.getId(), null);
    }

    /**
     * A refund changed the charge's refunded total. Takes Stripe's total rather than adding amounts up, so
     * redelivered or reordered events cannot count a refund twice. A Refund object only carries that total when
     * its charge is expanded, which webhooks never do; {@code charge.refunded}, sent for every refund, does.
     */
    private static GatewayEvent refundEvent(Event event, Instant occurredAt) {
        StripeObject object = dataObject(event, StripeObject.class);
        if (object instanceof Refund refund && "failed".equals(refund.getStatus())) {
            return refundFailedEvent(event, refund, occurredAt);
        }
        Charge charge = object instanceof Charge refunded ? refunded
                : object instanceof Refund refund ? refund.getChargeObject() : null;
        if (charge == null || charge.getPaymentIntent() == null || charge.getAmountRefunded() == null) {
            return GatewayEvent.unhandled(event.getId(), event.getType(), occurredAt);
        }
        return new GatewayEvent(event.getId(), GatewayEventType.REFUND_UPDATED, charge.getPaymentIntent(), occurredAt,
                null, null, null, charge.getAmountRefunded(), null);
    }

    /**
     * {@code refund.failed}, and {@code charge.refund.updated} or {@code refund.updated} with status failed: one
     * failure, reported up to three times, applied once per refund. The refund carries its amount, not the charge's
     * total (unless its charge is expanded), and the refund id we gave Stripe in its metadata.
     */
    private static GatewayEvent refundFailedEvent(Event event, Refund refund, Instant occurredAt) {
        if (refund.getPaymentIntent() == null || refund.getAmount() == null || refund.getAmount() <= 0) {
            return GatewayEvent.unhandled(event.getId(), event.getType(), occurredAt);
        }
        Charge charge = refund.getChargeObject();
        long chargeTotal = charge == null || charge.getAmountRefunded() == null ? -1 : charge.getAmountRefunded();
        return GatewayEvent.refundFailed(event.getId(), refund.getPaymentIntent(), occurredAt, chargeTotal,
                new RefundFailure(refund.getId(), StripePaymentGateway.ourRefundId(refund), refund.getAmount(),
                        refund.getFailureReason()));
    }

    private static GatewayEvent disputeEvent(Event event, GatewayEventType type, Instant occurredAt) {
        return StripeDisputes.toGatewayDispute(dataObject(event, Dispute.class), event.getType())
                .map(dispute -> GatewayEvent.dispute(event.getId(), type, occurredAt, dispute))
                .orElseGet(() -> GatewayEvent.unhandled(event.getId(), event.getType(), occurredAt));
    }

    /**
     * The event's object. Stripe writes it in the webhook endpoint's API version, which may not be the one
     * stripe-java is pinned to; then {@code getObject()} is empty, but the model still reads every field used
     * here, so it is deserialized anyway rather than dropping the event.
     */
    private static <T extends StripeObject> T dataObject(Event event, Class<T> expected) {
        StripeObject object;
        try {
            EventDataObjectDeserializer data = event.getDataObjectDeserializer();
            Optional<StripeObject> sameVersion = data.getObject();
            object = sameVersion.isPresent() ? sameVersion.get() : data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw new InvalidWebhookException("the data of event " + event.getId() + " cannot be read", e);
        }
        if (!expected.isInstance(object)) {
            throw new InvalidWebhookException("event " + event.getId() + " (" + event.getType() + ") does not carry a "
                    + expected.getSimpleName(), null);
        }
        return expected.cast(object);
    }
}
