package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.out.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sandbox's {@link PaymentGateway}: what the service asks of the gateway, answered from its intents. */
final class SandboxPaymentGateway implements PaymentGateway {

    private final SandboxIntents intents;
    private final SandboxWebhookSender webhooks;
    private final Duration webhookDelay;
    private final Clock clock;

    SandboxPaymentGateway(SandboxIntents intents, SandboxWebhookSender webhooks, Duration webhookDelay, Clock clock) {
        this.intents = intents;
        this.webhooks = webhooks;
        this.webhookDelay = webhookDelay;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public GatewayIntent createIntent(Payment payment) {
        SandboxIntent intent = intents.create(payment, clock.instant());
        synchronized (intent) {
            return toGatewayIntent(intent);
        }
    }

    @Override
    public GatewayIntent retrieveIntent(String reference) {
        SandboxIntent intent = intents.byReference(reference);
        synchronized (intent) {
            return toGatewayIntent(intent);
        }
    }

    @Override
    public GatewayIntent cancelIntent(String reference) {
        SandboxIntent intent = intents.byReference(reference);
        synchronized (intent) {
            intent.cancel(clock.instant());
            webhooks.publish("payment_intent.canceled", StripeObjects.paymentIntent(intent), webhookDelay);
            return toGatewayIntent(intent);
        }
    }

    @Override
    public GatewayRefund refund(String reference, long amount, String idempotencyKey) {
        SandboxIntent intent = intents.byReference(reference);
        synchronized (intent) {
            Optional<GatewayRefund> earlier = intent.earlierRefund(idempotencyKey, amount);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            GatewayRefund refund = intent.refund(amount, idempotencyKey, SandboxIds.next("re_sandbox_"),
                    clock.instant());
            webhooks.publish("charge.refunded", StripeObjects.charge(intent), webhookDelay);
            if (intent.refundsFailLater()) {
                webhooks.schedule(() -> failRefund(intent, refund.refundId()), webhookDelay.multipliedBy(2));
            }
            return refund;
        }
    }

    /** Stripe reports a refund that failed after it was made with both of these events. */
    private void failRefund(SandboxIntent intent, String refundId) {
        synchronized (intent) {
            Map<String, Object> failed = StripeObjects.refund(intent, intent.failRefund(refundId));
            webhooks.publish("refund.failed", failed, Duration.ZERO);
            webhooks.publish("charge.refund.updated", failed, Duration.ZERO);
        }
    }

    @Override
    public List<ListedRefund> listRefunds(String reference) {
        SandboxIntent intent = intents.byReference(reference);
        synchronized (intent) {
            return intent.refunds().stream().map(refund -> new ListedRefund(refund.id(), refund.idempotencyKey(),
                    refund.amount(), refund.failed(), refund.failureReason(), intent.amountRefunded())).toList();
        }
    }

    private static GatewayIntent toGatewayIntent(SandboxIntent intent) {
        PaymentStatus status = intent.paymentStatus();
        SandboxPaymentError failure = status == PaymentStatus.FAILED ? intent.lastError() : null;
        return new GatewayIntent(intent.terms().reference(), intent.terms().clientSecret(), status, intent.chargeId(),
                failure == null ? null : failure.failureCode(), failure == null ? null : failure.customerMessage(),
                intent.amountRefunded());
    }
}
