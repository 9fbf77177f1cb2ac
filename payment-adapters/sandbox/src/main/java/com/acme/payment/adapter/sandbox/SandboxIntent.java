package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sandbox PaymentIntent, following Stripe's statuses and rules. Not thread-safe: the gateway holds the
 * intent's lock around every use.
 */
final class SandboxIntent {

    enum Status {
        REQUIRES_PAYMENT_METHOD, REQUIRES_ACTION, PROCESSING, SUCCEEDED, CANCELED;

        String stripeName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Stripe's {@code last_payment_error}.
     *
     * @param message         Stripe's text, meant for developers
     * @param customerMessage what the customer may be told
     */
    record PaymentError(String type, String code, String declineCode, String message, String customerMessage) {
    }

    private record RefundMade(long amount, GatewayRefund result) {
    }

    private final String reference;
    private final String clientSecret;
    private final PaymentId paymentId;
    private final Money amount;
    private final String serviceType;
    private final String receiptEmail;
    private final Instant createdAt;
    private final Map<String, RefundMade> refundsByIdempotencyKey = new HashMap<>();
    private Status status = Status.REQUIRES_PAYMENT_METHOD;
    private PaymentError lastError;
    private String paymentMethod;
    private String chargeId;
    private Instant chargedAt;
    private Instant canceledAt;
    private long amountRefunded;

    SandboxIntent(String reference, String clientSecret, Payment payment, Instant createdAt) {
        this.reference = reference;
        this.clientSecret = clientSecret;
        this.paymentId = payment.id();
        this.amount = payment.amount();
        this.serviceType = payment.serviceType();
        this.receiptEmail = payment.customer().email();
        this.createdAt = createdAt;
    }

    String reference() {
        return reference;
    }

    String clientSecret() {
        return clientSecret;
    }

    Status status() {
        return status;
    }

    String paymentMethod() {
        return paymentMethod;
    }

    void requireAction(String paymentMethodId) {
        paymentMethod = paymentMethodId;
        lastError = null;
        status = Status.REQUIRES_ACTION;
    }

    void startProcessing(String paymentMethodId) {
        paymentMethod = paymentMethodId;
        lastError = null;
        status = Status.PROCESSING;
    }

    void succeed(String newChargeId, Instant now) {
        chargeId = newChargeId;
        chargedAt = now;
        status = Status.SUCCEEDED;
    }

    /** Stripe sends a failed intent back to requires_payment_method, so another card can be tried. */
    void fail(String paymentMethodId, PaymentError error) {
        paymentMethod = paymentMethodId;
        lastError = error;
        status = Status.REQUIRES_PAYMENT_METHOD;
    }

    void cancel(Instant now) {
        if (status != Status.REQUIRES_PAYMENT_METHOD && status != Status.REQUIRES_ACTION) {
            throw invalidRequest("You cannot cancel this PaymentIntent because it has a status of "
                    + status.stripeName() + ".");
        }
        status = Status.CANCELED;
        canceledAt = now;
    }

    /**
     * The refund made earlier with this idempotency key, as Stripe replays it.
     *
     * @throws GatewayException when the key was used for another amount
     */
    Optional<GatewayRefund> earlierRefund(String idempotencyKey, long refundAmount) {
        RefundMade earlier = refundsByIdempotencyKey.get(idempotencyKey);
        if (earlier != null && earlier.amount() != refundAmount) {
            throw invalidRequest("Keys for idempotent requests can only be used with the same parameters they were "
                    + "first used with.");
        }
        return Optional.ofNullable(earlier).map(RefundMade::result);
    }

    GatewayRefund refund(long refundAmount, String idempotencyKey, String newRefundId) {
        if (status != Status.SUCCEEDED) {
            throw invalidRequest("This PaymentIntent (" + reference + ") does not have a successful charge to refund.");
        }
        if (refundAmount <= 0) {
            throw invalidRequest("Refund amount must be positive.");
        }
        long unrefunded = amount.minorUnits() - amountRefunded;
        if (refundAmount > unrefunded) {
            throw invalidRequest("Refund amount (" + refundAmount + ") is greater than unrefunded amount on charge ("
                    + unrefunded + ").");
        }
        amountRefunded += refundAmount;
        GatewayRefund result = new GatewayRefund(newRefundId, amountRefunded);
        refundsByIdempotencyKey.put(idempotencyKey, new RefundMade(refundAmount, result));
        return result;
    }

    /** The domain's view, mapped like the Stripe adapter maps Stripe's statuses. */
    GatewayIntent toGatewayIntent() {
        PaymentStatus mapped = switch (status) {
            case REQUIRES_PAYMENT_METHOD -> lastError == null ? PaymentStatus.PENDING : PaymentStatus.FAILED;
            case REQUIRES_ACTION -> PaymentStatus.REQUIRES_ACTION;
            case PROCESSING -> PaymentStatus.PROCESSING;
            case CANCELED -> PaymentStatus.CANCELED;
            case SUCCEEDED -> amountRefunded == 0 ? PaymentStatus.SUCCEEDED
                    : amountRefunded == amount.minorUnits() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        };
        String failureCode = mapped == PaymentStatus.FAILED ? failureCode() : null;
        return new GatewayIntent(reference, clientSecret, mapped, chargeId, failureCode,
                failureCode == null ? null : lastError.customerMessage(), amountRefunded);
    }

    /** The decline code if there is one, otherwise the error code: what the Stripe adapter reads too. */
    String failureCode() {
        return lastError.declineCode() != null ? lastError.declineCode() : lastError.code();
    }

    /** This intent as Stripe's API writes a PaymentIntent. */
    Map<String, Object> asStripePaymentIntent() {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", reference);
        intent.put("object", "payment_intent");
        intent.put("amount", amount.minorUnits());
        intent.put("amount_capturable", 0);
        intent.put("amount_received", status == Status.SUCCEEDED ? amount.minorUnits() : 0);
        intent.put("automatic_payment_methods", Map.of("enabled", true));
        intent.put("canceled_at", canceledAt == null ? null : canceledAt.getEpochSecond());
        intent.put("cancellation_reason", null);
        intent.put("capture_method", "automatic_async");
        intent.put("client_secret", clientSecret);
        intent.put("confirmation_method", "automatic");
        intent.put("created", createdAt.getEpochSecond());
        intent.put("currency", currency());
        intent.put("description", serviceType + " payment " + paymentId);
        intent.put("last_payment_error", lastError == null ? null : stripeError(lastError));
        intent.put("latest_charge", chargeId);
        intent.put("livemode", false);
        intent.put("metadata", metadata());
        intent.put("next_action", status == Status.REQUIRES_ACTION ? Map.of("type", "use_stripe_sdk") : null);
        intent.put("payment_method", paymentMethod);
        intent.put("payment_method_types", List.of("card"));
        intent.put("receipt_email", receiptEmail);
        intent.put("status", status.stripeName());
        return intent;
    }

    /** The intent's charge as Stripe's API writes a Charge. */
    Map<String, Object> asStripeCharge() {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", chargeId);
        charge.put("object", "charge");
        charge.put("amount", amount.minorUnits());
        charge.put("amount_captured", amount.minorUnits());
        charge.put("amount_refunded", amountRefunded);
        charge.put("captured", true);
        charge.put("created", chargedAt.getEpochSecond());
        charge.put("currency", currency());
        charge.put("livemode", false);
        charge.put("metadata", metadata());
        charge.put("paid", true);
        charge.put("payment_intent", reference);
        charge.put("payment_method", paymentMethod);
        charge.put("receipt_email", receiptEmail);
        charge.put("refunded", amountRefunded == amount.minorUnits());
        charge.put("status", "succeeded");
        return charge;
    }

    private String currency() {
        return amount.currency().toLowerCase(Locale.ROOT);
    }

    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("payment_id", paymentId.value());
        metadata.put("service_type", serviceType);
        return metadata;
    }

    private static Map<String, Object> stripeError(PaymentError error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", error.code());
        json.put("decline_code", error.declineCode());
        json.put("doc_url", "https://stripe.com/docs/error-codes/" + error.code().replace('_', '-'));
        json.put("message", error.message());
        json.put("type", error.type());
        return json;
    }

    private static GatewayException invalidRequest(String message) {
        return new GatewayException(GatewayException.Reason.INVALID_REQUEST, message, null,
                "The payment could not be processed.", null);
    }
}
