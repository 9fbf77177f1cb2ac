package com.acme.payment.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A payment made on the hosted checkout page: it knows its session first, then learns its PaymentIntent. */
class HostedPaymentTest {

    private static final Instant NOW = PaymentFixtures.NOW;

    @Test
    void the_first_event_that_names_a_payment_intent_teaches_it_and_a_later_one_changes_nothing() {
        Payment payment = hosted("cs_test_first");
        String intent = PaymentFixtures.newIntentReference();

        EventOutcome completed = payment.apply(sessionEvent(GatewayEventType.SUCCEEDED, intent, "cs_test_first",
                "ch_paid"), ChangeSource.WEBHOOK, NOW);
        EventOutcome intentSucceeded = payment.apply(intentEvent(GatewayEventType.SUCCEEDED, intent, payment),
                ChangeSource.WEBHOOK, NOW);

        assertThat(completed).isEqualTo(EventOutcome.APPLIED);
        assertThat(intentSucceeded).isEqualTo(EventOutcome.STALE);
        assertThat(payment.gatewayReference()).isEqualTo(intent);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.transactionId()).isEqualTo("ch_paid");
    }

    @Test
    void an_event_of_an_earlier_session_is_recorded_as_not_applied() {
        Payment payment = hosted("cs_test_expired");
        payment.attachCheckoutSession("cs_test_current", NOW);

        EventOutcome outcome = payment.apply(sessionEvent(GatewayEventType.CANCELED, null, "cs_test_expired", null),
                ChangeSource.WEBHOOK, NOW);

        assertThat(outcome).isEqualTo(EventOutcome.STALE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.unsavedChanges()).last().satisfies(change -> {
            assertThat(change.applied()).isFalse();
            assertThat(change.detail()).contains("earlier checkout session");
        });
    }

    @Test
    void the_payment_intents_own_cancellation_does_not_cancel_a_hosted_payment_its_sessions_expiry_does() {
        Payment payment = hosted("cs_test_one");
        String intent = PaymentFixtures.newIntentReference();

        EventOutcome intentCanceled = payment.apply(intentEvent(GatewayEventType.CANCELED, intent, payment),
                ChangeSource.WEBHOOK, NOW);
        EventOutcome expired = payment.apply(sessionEvent(GatewayEventType.CANCELED, null, "cs_test_one", null),
                ChangeSource.WEBHOOK, NOW);

        assertThat(intentCanceled).isEqualTo(EventOutcome.STALE);
        assertThat(expired).isEqualTo(EventOutcome.APPLIED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
    }

    @Test
    void an_intent_found_by_the_payment_id_that_is_not_the_known_one_is_not_applied() {
        Payment payment = hosted("cs_test_one");
        String known = PaymentFixtures.newIntentReference();
        payment.apply(intentEvent(GatewayEventType.PAYMENT_FAILED, known, payment), ChangeSource.WEBHOOK, NOW);

        EventOutcome other = payment.apply(intentEvent(GatewayEventType.SUCCEEDED,
                PaymentFixtures.newIntentReference(), payment), ChangeSource.WEBHOOK, NOW);

        assertThat(other).isEqualTo(EventOutcome.STALE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.gatewayReference()).isEqualTo(known);
    }

    @Test
    void the_session_survives_storage() {
        Payment payment = hosted("cs_test_stored");

        assertThat(Payment.reconstitute(payment.snapshot()).checkoutSessionId()).isEqualTo("cs_test_stored");
    }

    private static Payment hosted(String sessionId) {
        Payment payment = PaymentFixtures.pendingPayment();
        payment.attachCheckoutSession(sessionId, NOW);
        return payment;
    }

    private static GatewayEvent sessionEvent(GatewayEventType type, String intent, String sessionId,
                                             String transactionId) {
        return new GatewayEvent(PaymentFixtures.newEventId(), type, intent, NOW, transactionId, null, null, 0, null, null,
                "pay_ignored", sessionId, null);
    }

    private static GatewayEvent intentEvent(GatewayEventType type, String intent, Payment payment) {
        return new GatewayEvent(PaymentFixtures.newEventId(), type, intent, NOW,
                type == GatewayEventType.SUCCEEDED ? "ch_from_intent" : null, null, null, 0, null, null,
                payment.id().value(), null, null);
    }
}
