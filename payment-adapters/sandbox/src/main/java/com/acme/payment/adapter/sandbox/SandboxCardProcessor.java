package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StripeIntentStatus;
import com.acme.payment.domain.port.out.SandboxCardPayments;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Takes the card form's test cards as Stripe takes a card from Stripe.js, and reports each step through Stripe's
 * events: processing after the webhook delay, succeeded after the settlement delay on top.
 */
final class SandboxCardProcessor implements SandboxCardPayments {

    private static final String AUTHENTICATION_FAILED = "authentication_failed";

    private final SandboxIntents intents;
    private final SandboxWebhookSender webhooks;
    private final SandboxDisputes disputes;
    private final SandboxSettings settings;
    private final Clock clock;
    private final Consumer<SandboxIntent> whenSucceeded;

    /** @param whenSucceeded told after an intent succeeded (its checkout session completes) */
    SandboxCardProcessor(SandboxIntents intents, SandboxWebhookSender webhooks, SandboxDisputes disputes,
                         SandboxSettings settings, Clock clock, Consumer<SandboxIntent> whenSucceeded) {
        this.intents = intents;
        this.webhooks = webhooks;
        this.disputes = disputes;
        this.settings = settings;
        this.clock = clock;
        this.whenSucceeded = whenSucceeded;
    }

    @Override
    public Confirmation confirm(String paymentId, String clientSecret, Card card) {
        SandboxTestCard testCard = SandboxTestCard.accept(card, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        SandboxIntent intent = intents.owned(paymentId, clientSecret);
        synchronized (intent) {
            if (!intent.awaitsCard()) {
                throw notAllowed(paymentId, intent, PaymentStatus.PROCESSING);
            }
            String paymentMethod = SandboxIds.next("pm_sandbox_");
            if (testCard == SandboxTestCard.REQUIRES_AUTHENTICATION) {
                intent.requireAction(paymentMethod);
                webhooks.publish("payment_intent.requires_action", StripeObjects.paymentIntent(intent), Duration.ZERO);
                return new Confirmation(paymentId, Outcome.REQUIRES_ACTION, null, "Authentication required.");
            }
            if (testCard.declines()) {
                intent.fail(paymentMethod, SandboxPaymentError.declined(testCard));
                webhooks.publish("payment_intent.payment_failed", StripeObjects.paymentIntent(intent),
                        settings.webhookDelay());
                return new Confirmation(paymentId, Outcome.DECLINED, testCard.declineCode(), testCard.declineMessage());
            }
            intent.failRefundsLater(testCard == SandboxTestCard.REFUND_FAILS);
            startProcessing(intent, paymentMethod, testCard == SandboxTestCard.DISPUTED);
            return new Confirmation(paymentId, Outcome.PROCESSING, null, null);
        }
    }

    @Override
    public Confirmation authenticate(String paymentId, String clientSecret, boolean approve) {
        SandboxIntent intent = intents.owned(paymentId, clientSecret);
        synchronized (intent) {
            if (intent.status() != StripeIntentStatus.REQUIRES_ACTION) {
                throw notAllowed(paymentId, intent, approve ? PaymentStatus.PROCESSING : PaymentStatus.FAILED);
            }
            if (approve) {
                startProcessing(intent, intent.paymentMethod(), false);
                return new Confirmation(paymentId, Outcome.PROCESSING, null, null);
            }
            SandboxPaymentError failure = SandboxPaymentError.authenticationFailed();
            intent.fail(intent.paymentMethod(), failure);
            webhooks.publish("payment_intent.payment_failed", StripeObjects.paymentIntent(intent),
                    settings.webhookDelay());
            return new Confirmation(paymentId, Outcome.DECLINED, AUTHENTICATION_FAILED, failure.customerMessage());
        }
    }

    /** @param disputed the customer's bank disputes the charge once it succeeded */
    private void startProcessing(SandboxIntent intent, String paymentMethod, boolean disputed) {
        intent.startProcessing(paymentMethod);
        webhooks.publish("payment_intent.processing", StripeObjects.paymentIntent(intent), settings.webhookDelay());
        webhooks.schedule(() -> {
            synchronized (intent) {
                intent.succeed(SandboxIds.next("ch_sandbox_"), clock.instant());
                webhooks.publish("payment_intent.succeeded", StripeObjects.paymentIntent(intent), Duration.ZERO);
                if (disputed) {
                    disputes.open(intent);
                }
            }
            whenSucceeded.accept(intent);
        }, settings.webhookDelay().plus(settings.settlementDelay()));
    }

    private static IllegalTransitionException notAllowed(String paymentId, SandboxIntent intent, PaymentStatus to) {
        return new IllegalTransitionException(new PaymentId(paymentId), intent.paymentStatus(), to);
    }
}
