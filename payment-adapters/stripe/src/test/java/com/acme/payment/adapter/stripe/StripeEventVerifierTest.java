package com.acme.payment.adapter.stripe;

import static com.acme.payment.adapter.stripe.StripeJson.CHARGE_ID;
import static com.acme.payment.adapter.stripe.StripeJson.INTENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.model.RefundFailure;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StripeEventVerifierTest {

    private static final String SECRET = "whsec_test_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH";
    private static final long NOW = PaymentFixtures.NOW.getEpochSecond();
    private static final long CREATED = NOW - 2;

    private final StripeEventVerifier verifier = new StripeEventVerifier(SECRET, false, PaymentFixtures.CLOCK);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "payment_intent.processing, PROCESSING, processing",
            "payment_intent.requires_action, REQUIRES_ACTION, requires_action",
            "payment_intent.canceled, CANCELED, canceled"})
    void mapsPaymentIntentEvents(String stripeType, GatewayEventType expected, String intentStatus) {
        String payload = event("evt_1QhXk3LkdIwHu7ixa", stripeType, StripeJson.paymentIntent(intentStatus));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event).isEqualTo(new GatewayEvent("evt_1QhXk3LkdIwHu7ixa", expected, INTENT_ID,
                Instant.ofEpochSecond(CREATED), null, null, null, 0, null, null, "pay_3xq9T0bVdJm2LkQp7RzY1a", null, null));
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource({
            "checkout.session.completed, paid, SUCCEEDED",
            "checkout.session.completed, unpaid, PROCESSING",
            "checkout.session.async_payment_succeeded, paid, SUCCEEDED",
            "checkout.session.async_payment_failed, unpaid, PAYMENT_FAILED",
            "checkout.session.expired, unpaid, CANCELED"})
    void mapsCheckoutSessionEventsToOurPaymentItsSessionAndItsPaymentIntent(String stripeType, String paymentStatus,
                                                                           GatewayEventType expected) {
        String session = """
                {"id": "cs_test_a1Session", "object": "checkout.session", "amount_total": 1250, "currency": "usd",
                 "client_reference_id": "pay_3xq9T0bVdJm2LkQp7RzY1a", "metadata": {"payment_id": "pay_3xq9T0bVdJm2LkQp7RzY1a"},
                 "mode": "payment", "payment_intent": "%s", "payment_status": "%s", "status": "complete"}
                """.formatted(INTENT_ID, paymentStatus);
        String payload = event("evt_3", stripeType, session);

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(expected);
        assertThat(event.paymentId()).isEqualTo("pay_3xq9T0bVdJm2LkQp7RzY1a");
        assertThat(event.checkoutSessionId()).isEqualTo("cs_test_a1Session");
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.failureMessage() != null).isEqualTo(expected == GatewayEventType.PAYMENT_FAILED);
    }

    @Test
    void aVerifiedEventKeepsItsEnvelopeAndThePayloadByteForByte() {
        String payload = event("evt_2", "payment_intent.processing", StripeJson.paymentIntent("processing"));

        ReceivedGatewayEvent received = verifier.verified(payload, sign(payload));

        assertThat(received.eventId()).isEqualTo("evt_2");
        assertThat(received.gatewayType()).isEqualTo("payment_intent.processing");
        assertThat(received.apiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(received.createdAt()).isEqualTo(Instant.ofEpochSecond(CREATED));
        assertThat(received.payload()).isSameAs(payload);
    }

    @Test
    void aTrustedPayloadIsReadWithoutASignatureEvenLongAfterItWasSent() {
        String payload = event("evt_3", "payment_intent.canceled", StripeJson.paymentIntent("canceled"));

        ReceivedGatewayEvent received = new StripeEventVerifier(SECRET, false,
                Clock.offset(PaymentFixtures.CLOCK, Duration.ofDays(20))).trusted(payload);

        assertThat(received.event().type()).isEqualTo(GatewayEventType.CANCELED);
        assertThat(received.event().paymentReference()).isEqualTo(INTENT_ID);
    }

    @Test
    void aTrustedPayloadFromTheOtherModeIsStillRefused() {
        String payload = event("evt_4", "payment_intent.canceled", StripeJson.paymentIntent("canceled"));

        assertThatThrownBy(() -> new StripeEventVerifier(SECRET, true, PaymentFixtures.CLOCK).trusted(payload))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("test-mode event");
    }

    @Test
    void aSucceededEventCarriesTheLatestChargeAsTransactionId() {
        String payload = event("evt_1", "payment_intent.succeeded",
                StripeJson.paymentIntent("succeeded", "\"" + CHARGE_ID + "\"", "null"));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.SUCCEEDED);
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.transactionId()).isEqualTo(CHARGE_ID);
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
            "card_declined, insufficient_funds, insufficient_funds, Your card has insufficient funds.",
            "card_declined, lost_card, lost_card, Your card was declined.",
            "expired_card, , expired_card, Your card has expired.",
            "payment_intent_authentication_failure, , payment_intent_authentication_failure, We could not authenticate your payment."})
    void aFailedEventCarriesTheDeclineCodeAndACustomerSafeMessage(String code, String declineCode,
                                                                  String expectedCode, String expectedMessage) {
        String payload = event("evt_2", "payment_intent.payment_failed", StripeJson.paymentIntent(
                "requires_payment_method", "null", StripeJson.cardError(code, declineCode, "text for developers")));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.PAYMENT_FAILED);
        assertThat(event.failureCode()).isEqualTo(expectedCode);
        assertThat(event.failureMessage()).isEqualTo(expectedMessage);
    }

    @Test
    void chargeRefundedCarriesStripesRefundedTotal() {
        String payload = event("evt_3", "charge.refunded", StripeJson.charge(1250));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.REFUND_UPDATED);
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.refundedTotal()).isEqualTo(1250);
    }

    @Test
    void aRefundEventWithItsChargeExpandedCarriesTheChargesTotal() {
        String payload = event("evt_4", "refund.updated", StripeJson.refund("re_1", 300, "succeeded", 800));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.REFUND_UPDATED);
        assertThat(event.refundedTotal()).isEqualTo(800);
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund.failed", "charge.refund.updated", "refund.updated"})
    void aFailedRefundNamesTheRefundOurIdItsAmountAndStripesReason(String stripeType) {
        String refund = """
                {"id": "re_1", "object": "refund", "amount": 300, "charge": "%s", "created": 1763806600,
                 "currency": "usd", "failure_reason": "expired_or_canceled_card",
                 "metadata": {"refund_id": "rf_ours"}, "payment_intent": "%s", "status": "failed"}
                """.formatted(CHARGE_ID, INTENT_ID);
        String payload = event("evt_15", stripeType, refund);

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.REFUND_FAILED);
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.refundedTotal()).as("a refund's charge is not expanded: the total is unknown").isEqualTo(-1);
        assertThat(event.refundFailure())
                .isEqualTo(new RefundFailure("re_1", "rf_ours", 300, "expired_or_canceled_card"));
    }

    @Test
    void aFailedRefundWithItsChargeExpandedCarriesTheChargesTotal() {
        String payload = event("evt_16", "refund.failed", StripeJson.refund("re_1", 300, "failed", 0));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.REFUND_FAILED);
        assertThat(event.refundedTotal()).isZero();
        assertThat(event.refundFailure().refundId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund.created", "charge.refund.updated"})
    void aRefundEventWithoutTheChargesTotalIsNotGuessedAt(String stripeType) {
        String refund = """
                {"id": "re_1", "object": "refund", "amount": 300, "charge": "%s", "created": 1763806600,
                 "currency": "usd", "payment_intent": "%s", "status": "succeeded"}
                """.formatted(CHARGE_ID, INTENT_ID);
        String payload = event("evt_5", stripeType, refund);

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.UNHANDLED);
        assertThat(event.detail()).isEqualTo(stripeType);
    }

    @Test
    void aDisputeIsReadWithItsStatusReasonAmountAndDeadline() {
        String payload = event("evt_6", "charge.dispute.created", dispute("needs_response", "[]"));

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.DISPUTE_CREATED);
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.dispute()).isEqualTo(new GatewayDispute("du_1QhXk4LkdIwHu7ix", INTENT_ID, 1250, "USD",
                "fraudulent", DisputeStatus.NEEDS_RESPONSE, Instant.ofEpochSecond(1764547199), false, false));
    }

    @Test
    void eachDisputeEventTypeIsMappedAndTheFundsEventsSayTheMoneyMoved() {
        String withdrawn = event("evt_61", "charge.dispute.funds_withdrawn", dispute("needs_response", "[]"));
        String reinstated = event("evt_62", "charge.dispute.funds_reinstated", dispute("won", "[]"));
        String updated = event("evt_63", "charge.dispute.updated", dispute("under_review", "[]"));
        String closed = event("evt_64", "charge.dispute.closed", dispute("lost",
                "[{\"id\": \"txn_1\", \"object\": \"balance_transaction\", \"amount\": -1250}]"));

        GatewayEvent funds = verifier.verify(withdrawn, sign(withdrawn));
        GatewayEvent back = verifier.verify(reinstated, sign(reinstated));

        assertThat(funds.type()).isEqualTo(GatewayEventType.DISPUTE_FUNDS_WITHDRAWN);
        assertThat(funds.dispute().fundsWithdrawn()).isTrue();
        assertThat(back.type()).isEqualTo(GatewayEventType.DISPUTE_FUNDS_REINSTATED);
        assertThat(back.dispute().fundsReinstated()).isTrue();
        assertThat(verifier.verify(updated, sign(updated)).type()).isEqualTo(GatewayEventType.DISPUTE_UPDATED);
        GatewayEvent lost = verifier.verify(closed, sign(closed));
        assertThat(lost.type()).isEqualTo(GatewayEventType.DISPUTE_CLOSED);
        assertThat(lost.dispute().status()).isEqualTo(DisputeStatus.LOST);
        assertThat(lost.dispute().fundsWithdrawn()).as("from its balance transactions").isTrue();
    }

    private static String dispute(String status, String balanceTransactions) {
        return """
                {"id": "du_1QhXk4LkdIwHu7ix", "object": "dispute", "amount": 1250, "charge": "%s",
                 "balance_transactions": %s, "created": 1763806700, "currency": "usd",
                 "evidence_details": {"due_by": 1764547199, "has_evidence": false, "past_due": false,
                   "submission_count": 0},
                 "is_charge_refundable": false, "livemode": false,
                 "payment_intent": "%s", "reason": "fraudulent", "status": "%s"}
                """.formatted(CHARGE_ID, balanceTransactions, INTENT_ID, status);
    }

    @Test
    void aDisputeOnAChargeWithoutAnIntentIsNotOurs() {
        String dispute = """
                {"id": "du_2", "object": "dispute", "amount": 900, "charge": "ch_legacy", "created": 1763806700,
                 "currency": "eur", "payment_intent": null, "reason": "duplicate", "status": "needs_response"}
                """;
        String payload = event("evt_18", "charge.dispute.created", dispute);

        assertThat(verifier.verify(payload, sign(payload)).type()).isEqualTo(GatewayEventType.UNHANDLED);
    }

    /** The list the README and the webhook endpoint check use is what the verifier acts on. */
    @Test
    void everyTypeInTheHandledListIsActedOn() {
        for (String type : HandledStripeEvents.TYPES) {
            String payload = event("evt_h_" + type.replace('.', '_'), type, objectFor(type));

            assertThat(verifier.verify(payload, sign(payload)).type()).as(type)
                    .isNotEqualTo(GatewayEventType.UNHANDLED);
        }
    }

    /** A realistic object of the kind Stripe sends with each event type. */
    private static String objectFor(String type) {
        if (type.startsWith("payment_intent.")) {
            String status = type.substring("payment_intent.".length());
            return StripeJson.paymentIntent(status.equals("payment_failed") ? "requires_payment_method" : status);
        }
        if (type.equals("charge.refunded")) {
            return StripeJson.charge(500);
        }
        if (type.startsWith("charge.dispute.")) {
            return dispute("needs_response", "[]");
        }
        if (type.startsWith("checkout.session.")) {
            return """
                    {"id": "cs_test_a1Session", "object": "checkout.session", "amount_total": 1250, "currency": "usd",
                     "metadata": {"payment_id": "pay_3xq9T0bVdJm2LkQp7RzY1a"}, "mode": "payment",
                     "payment_intent": "%s", "payment_status": "paid", "status": "complete"}
                    """.formatted(INTENT_ID);
        }
        return StripeJson.refund("re_1", 300, "failed", 0);
    }

    @Test
    void otherEventTypesAreUnhandled() {
        String payload = event("evt_7", "customer.created",
                "{\"id\": \"cus_R1\", \"object\": \"customer\", \"email\": \"ada@example.com\"}");

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event).isEqualTo(GatewayEvent.unhandled("evt_7", "customer.created", Instant.ofEpochSecond(CREATED)));
    }

    @ParameterizedTest(name = "api_version {0}")
    @ValueSource(strings = {"2020-08-27", "2025-03-31.basil"})
    void anEventInAnotherApiVersionStillMaps(String apiVersion) {
        // 2020-08-27 still listed the charges on the intent and had no latest_charge
        String oldIntent = """
                {"id": "%s", "object": "payment_intent", "amount": 1250, "currency": "usd", "status": "succeeded",
                 "charges": {"object": "list", "data": [{"id": "%s", "object": "charge", "amount": 1250}],
                             "has_more": false, "url": "/v1/charges?payment_intent=%s"},
                 "latest_charge": "%s", "created": 1763806530, "livemode": false}
                """.formatted(INTENT_ID, CHARGE_ID, INTENT_ID, CHARGE_ID);
        String payload = event("evt_8", "payment_intent.succeeded", oldIntent).replace(Stripe.API_VERSION, apiVersion);
        assertThat(payload).contains("\"api_version\": \"" + apiVersion + "\"");

        GatewayEvent event = verifier.verify(payload, sign(payload));

        assertThat(event.type()).isEqualTo(GatewayEventType.SUCCEEDED);
        assertThat(event.paymentReference()).isEqualTo(INTENT_ID);
        assertThat(event.transactionId()).isEqualTo(CHARGE_ID);
    }

    @Test
    void acceptsASignatureComputedWithPlainHmacAsTheSandboxDoes() throws Exception {
        String payload = event("evt_9", "payment_intent.processing", StripeJson.paymentIntent("processing"));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(
                hmac.doFinal((NOW + "." + payload).getBytes(StandardCharsets.UTF_8)));

        GatewayEvent event = verifier.verify(payload, "t=" + NOW + ",v1=" + signature);

        assertThat(event.type()).isEqualTo(GatewayEventType.PROCESSING);
    }

    @Test
    void acceptsASignatureWithinTheTolerance() {
        String payload = event("evt_10", "payment_intent.processing", StripeJson.paymentIntent("processing"));

        assertThat(verifier.verify(payload, sign(payload, NOW - 299, SECRET)).eventId()).isEqualTo("evt_10");
    }

    @Test
    void rejectsATamperedBody() {
        String payload = event("evt_11", "charge.refunded", StripeJson.charge(500));
        String signature = sign(payload);

        assertInvalid(payload.replace("\"amount_refunded\": 500", "\"amount_refunded\": 1250"), signature);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String payload = event("evt_12", "payment_intent.succeeded", StripeJson.paymentIntent("succeeded"));

        assertInvalid(payload, sign(payload, NOW, "whsec_someone_else"));
    }

    @Test
    void rejectsASignatureOlderThanFiveMinutes() {
        String payload = event("evt_13", "payment_intent.succeeded", StripeJson.paymentIntent("succeeded"));

        assertInvalid(payload, sign(payload, NOW - 301, SECRET));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "v1=abc", "t=,v1=abc", "t=notanumber,v1=abc", "t", "garbage"})
    void rejectsAMissingOrUnreadableHeader(String header) {
        String payload = event("evt_14", "payment_intent.succeeded", StripeJson.paymentIntent("succeeded"));

        assertInvalid(payload, header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"evt_15\", \"object\": \"event\"", "not json", "[]", "null", "{}",
            "{\"id\": \"evt_16\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\", \"created\": 1}"})
    void rejectsASignedBodyThatIsNotAStripeEvent(String payload) {
        assertInvalid(payload, sign(payload));
    }

    @Test
    void rejectsAnEventWhoseObjectDoesNotMatchItsType() {
        String payload = event("evt_17", "payment_intent.succeeded", StripeJson.charge(0));

        assertInvalid(payload, sign(payload));
    }

    @Test
    void aTestModeKeyRefusesALiveEventNamingTheMismatchButNoSecret() {
        String payload = event("evt_live", "payment_intent.succeeded", StripeJson.paymentIntent("succeeded"), true);

        assertThatThrownBy(() -> verifier.verify(payload, sign(payload)))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("evt_live is a live-mode event but the secret key is a test-mode key")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aLiveModeKeyAcceptsLiveEventsAndRefusesTestEvents() {
        StripeEventVerifier live = new StripeEventVerifier(SECRET, true, PaymentFixtures.CLOCK);
        String liveEvent = event("evt_live", "payment_intent.processing", StripeJson.paymentIntent("processing"), true);
        String testEvent = event("evt_test", "payment_intent.processing", StripeJson.paymentIntent("processing"));

        assertThat(live.verify(liveEvent, sign(liveEvent)).type()).isEqualTo(GatewayEventType.PROCESSING);
        assertThatThrownBy(() -> live.verify(testEvent, sign(testEvent))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("test-mode event but the secret key is a live-mode key");
    }

    @ParameterizedTest(name = "{0} → live {1}")
    @CsvSource({"sk_live_51Habc, true", "rk_live_51Habc, true", "sk_test_51Habc, false", "rk_test_51Habc, false"})
    void theSecretKeysPrefixSaysWhetherItIsLive(String key, boolean live) {
        assertThat(StripeSettings.isLiveKey(key)).isEqualTo(live);
    }

    private void assertInvalid(String payload, String header) {
        assertThatThrownBy(() -> verifier.verify(payload, header)).isInstanceOf(InvalidWebhookException.class);
    }

    private static String event(String id, String type, String object) {
        return event(id, type, object, false);
    }

    private static String event(String id, String type, String object, boolean livemode) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "data": {"object": %s},
                  "livemode": %s,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }
                """.formatted(id, Stripe.API_VERSION, CREATED, object, livemode, type);
    }

    private static String sign(String payload) {
        return sign(payload, NOW, SECRET);
    }

    private static String sign(String payload, long timestamp, String secret) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
