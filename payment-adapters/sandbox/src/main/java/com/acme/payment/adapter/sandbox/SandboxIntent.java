package com.acme.payment.adapter.sandbox;

import static com.acme.payment.domain.model.StripeIntentStatus.CANCELED;
import static com.acme.payment.domain.model.StripeIntentStatus.PROCESSING;
import static com.acme.payment.domain.model.StripeIntentStatus.REQUIRES_ACTION;
import static com.acme.payment.domain.model.StripeIntentStatus.REQUIRES_PAYMENT_METHOD;
import static com.acme.payment.domain.model.StripeIntentStatus.SUCCEEDED;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StripeIntentStatus;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sandbox PaymentIntent, following Stripe's statuses and rules. Not thread-safe: its users hold the
 * intent's lock around every use.
 */
final class SandboxIntent {

    /** What the intent was made for; it never changes. */
    record Terms(String reference, String clientSecret, PaymentId paymentId, Money amount, String serviceType,
                 String receiptEmail, Instant createdAt) {

        static Terms of(Payment payment, String reference, String clientSecret, Instant createdAt) {
            return new Terms(reference, clientSecret, payment.id(), payment.amount(), payment.serviceType(),
                    payment.customer().email(), createdAt);
        }
    }

    private record RefundMade(long amount, GatewayRefund result) {
    }

    /** A refund as Stripe lists it; {@code idempotencyKey} is the refund id the service gave, kept as metadata. */
    record SandboxRefund(String id, String idempotencyKey, long amount, Instant createdAt, String failureReason) {

        boolean failed() {
            return failureReason != null;
        }
    }

    private final Terms terms;
    private final Map<String, RefundMade> refundsByIdempotencyKey = new HashMap<>();
    private StripeIntentStatus status = REQUIRES_PAYMENT_METHOD;
    private SandboxPaymentError lastError;
    private String paymentMethod;
    private String chargeId;
    private Instant chargedAt;
    private Instant canceledAt;
    private long amountRefunded;
    private final List<SandboxRefund> refunds = new ArrayList<>();
    private boolean refundsFailLater;

    SandboxIntent(Terms terms) {
        this.terms = terms;
    }

    Terms terms() {
        return terms;
    }

    StripeIntentStatus status() {
        return status;
    }

    /** Null unless the last attempt failed. */
    SandboxPaymentError lastError() {
        return lastError;
    }

    String paymentMethod() {
        return paymentMethod;
    }

    String chargeId() {
        return chargeId;
    }

    Instant chargedAt() {
        return chargedAt;
    }

    Instant canceledAt() {
        return canceledAt;
    }

    long amountRefunded() {
        return amountRefunded;
    }

    /** The domain's view of this intent's status, mapped as the Stripe adapter maps Stripe's. */
    PaymentStatus paymentStatus() {
        return status.paymentStatus(lastError != null, terms.amount().minorUnits(), amountRefunded);
    }

    synchronized boolean isCanceled() {
        return status == CANCELED;
    }

    /** Waiting for a card: new, declined (Stripe sends a failed intent back here), or left at 3-D Secure. */
    boolean awaitsCard() {
        return status == REQUIRES_PAYMENT_METHOD || status == REQUIRES_ACTION;
    }

    void requireAction(String paymentMethodId) {
        paymentMethod = paymentMethodId;
        lastError = null;
        status = REQUIRES_ACTION;
    }

    void startProcessing(String paymentMethodId) {
        paymentMethod = paymentMethodId;
        lastError = null;
        status = PROCESSING;
    }

    void succeed(String newChargeId, Instant now) {
        chargeId = newChargeId;
        chargedAt = now;
        status = SUCCEEDED;
    }

    void fail(String paymentMethodId, SandboxPaymentError error) {
        paymentMethod = paymentMethodId;
        lastError = error;
        status = REQUIRES_PAYMENT_METHOD;
    }

    void cancel(Instant now) {
        if (!awaitsCard()) {
            throw invalidRequest("You cannot cancel this PaymentIntent because it has a status of "
                    + status.stripeName() + ".");
        }
        status = CANCELED;
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

    /** Paid with the card whose refunds fail after they were made, as Stripe's 4000 0000 0000 5126. */
    void failRefundsLater(boolean fail) {
        refundsFailLater = fail;
    }

    boolean refundsFailLater() {
        return refundsFailLater;
    }

    List<SandboxRefund> refunds() {
        return List.copyOf(refunds);
    }

    /** The card's bank returned the refund: Stripe marks it failed and the charge's refunded total goes down. */
    SandboxRefund failRefund(String refundId) {
        for (int i = 0; i < refunds.size(); i++) {
            SandboxRefund refund = refunds.get(i);
            if (refund.id().equals(refundId) && !refund.failed()) {
                SandboxRefund failed = new SandboxRefund(refund.id(), refund.idempotencyKey(), refund.amount(),
                        refund.createdAt(), "expired_or_canceled_card");
                refunds.set(i, failed);
                amountRefunded -= refund.amount();
                return failed;
            }
        }
        throw new IllegalStateException("no refund " + refundId + " to fail on " + terms.reference());
    }

    GatewayRefund refund(long refundAmount, String idempotencyKey, String newRefundId, Instant now) {
        if (status != SUCCEEDED) {
            throw invalidRequest("This PaymentIntent (" + terms.reference()
                    + ") does not have a successful charge to refund.");
        }
        if (refundAmount <= 0) {
            throw invalidRequest("Refund amount must be positive.");
        }
        long unrefunded = terms.amount().minorUnits() - amountRefunded;
        if (refundAmount > unrefunded) {
            throw invalidRequest("Refund amount (" + refundAmount + ") is greater than unrefunded amount on charge ("
                    + unrefunded + ").");
        }
        amountRefunded += refundAmount;
        GatewayRefund result = new GatewayRefund(newRefundId, amountRefunded);
        refundsByIdempotencyKey.put(idempotencyKey, new RefundMade(refundAmount, result));
        refunds.add(new SandboxRefund(newRefundId, idempotencyKey, refundAmount, now, null));
        return result;
    }

    static GatewayException invalidRequest(String message) {
        return new GatewayException(GatewayException.Reason.INVALID_REQUEST, message, null,
                "The payment could not be processed.", null);
    }
}
