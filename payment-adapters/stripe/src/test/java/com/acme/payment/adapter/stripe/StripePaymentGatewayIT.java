package com.acme.payment.adapter.stripe;

import static com.acme.payment.adapter.stripe.StripeJson.CHARGE_ID;
import static com.acme.payment.adapter.stripe.StripeJson.CLIENT_SECRET;
import static com.acme.payment.adapter.stripe.StripeJson.INTENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentGateway.ListedRefund;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.stripe.Stripe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Talks to a local stub of Stripe's API that answers with Stripe's own JSON. */
class StripePaymentGatewayIT {

    private static final String SECRET_KEY = "sk_test_51H8abcdefghijklmnopqrstuvwxyz0123456789";

    private final MockWebServer stripe = new MockWebServer();
    private StripePaymentGateway gateway;

    @BeforeEach
    void startStub() throws Exception {
        stripe.start();
        gateway = gatewayWithRetries(0);
    }

    @AfterEach
    void stopStub() {
        stripe.close();
    }

    @Test
    void createsAnIntentForThePaymentWithAnIdempotencyKeyOfItsId() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        stripe.enqueue(ok(StripeJson.paymentIntent("requires_payment_method")));

        GatewayIntent intent = gateway.createIntent(payment);

        assertThat(intent).isEqualTo(new GatewayIntent(INTENT_ID, CLIENT_SECRET, PaymentStatus.PENDING, null, null,
                null, 0));
        RecordedRequest request = stripe.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment_intents");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("create-intent-" + payment.id());
        assertThat(request.getHeaders().get("Stripe-Version")).isEqualTo(Stripe.API_VERSION);
        assertThat(form(request)).containsAllEntriesOf(Map.of(
                "amount", "1250",
                "currency", "usd",
                "automatic_payment_methods[enabled]", "true",
                "metadata[payment_id]", payment.id().value(),
                "metadata[service_type]", "pon-ftth",
                "description", "pon-ftth payment " + payment.id(),
                "receipt_email", "ada@example.com"));
    }

    @Test
    void retrievesTheIntentWithItsLatestChargeExpanded() throws Exception {
        stripe.enqueue(ok(StripeJson.paymentIntent("succeeded", StripeJson.charge(0), "null")));

        GatewayIntent intent = gateway.retrieveIntent(INTENT_ID);

        assertThat(intent.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(intent.transactionId()).isEqualTo(CHARGE_ID);
        RecordedRequest request = stripe.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment_intents/" + INTENT_ID);
        assertThat(request.getUrl().queryParameter("expand[0]")).isEqualTo("latest_charge");
    }

    @ParameterizedTest(name = "Stripe {0} is {1}")
    @CsvSource({
            "requires_payment_method, PENDING",
            "requires_confirmation, PENDING",
            "requires_action, REQUIRES_ACTION",
            "processing, PROCESSING",
            "requires_capture, PROCESSING",
            "canceled, CANCELED",
            "succeeded, SUCCEEDED"})
    void mapsStripeStatusesOntoTheDomains(String stripeStatus, PaymentStatus expected) {
        stripe.enqueue(ok(StripeJson.paymentIntent(stripeStatus)));

        assertThat(gateway.retrieveIntent(INTENT_ID).status()).isEqualTo(expected);
    }

    @Test
    void anIntentBackToRequiresPaymentMethodWithAnErrorHasFailed() {
        stripe.enqueue(ok(StripeJson.paymentIntent("requires_payment_method", "\"" + CHARGE_ID + "\"",
                StripeJson.cardError("card_declined", "insufficient_funds", "Your card has insufficient funds."))));

        GatewayIntent intent = gateway.retrieveIntent(INTENT_ID);

        assertThat(intent.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(intent.failureCode()).isEqualTo("insufficient_funds");
        assertThat(intent.failureMessage()).isEqualTo("Your card has insufficient funds.");
        assertThat(intent.transactionId()).isNull();
    }

    @ParameterizedTest(name = "refunded {0} of 1250 is {1}")
    @CsvSource({"0, SUCCEEDED", "500, PARTIALLY_REFUNDED", "1250, REFUNDED"})
    void aSucceededIntentReportsTheRefundedTotalOfItsCharge(long amountRefunded, PaymentStatus expected) {
        stripe.enqueue(ok(StripeJson.paymentIntent("succeeded", StripeJson.charge(amountRefunded), "null")));

        GatewayIntent intent = gateway.retrieveIntent(INTENT_ID);

        assertThat(intent.status()).isEqualTo(expected);
        assertThat(intent.refundedTotal()).isEqualTo(amountRefunded);
        assertThat(intent.transactionId()).isEqualTo(CHARGE_ID);
    }

    @Test
    void anUnknownStripeStatusIsAnError() {
        stripe.enqueue(ok(StripeJson.paymentIntent("requires_reauthorization")));

        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("requires_reauthorization");
    }

    @Test
    void cancelsTheIntent() throws Exception {
        stripe.enqueue(ok(StripeJson.paymentIntent("canceled")));

        assertThat(gateway.cancelIntent(INTENT_ID).status()).isEqualTo(PaymentStatus.CANCELED);

        RecordedRequest request = stripe.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment_intents/" + INTENT_ID + "/cancel");
    }

    @Test
    void refundsWithTheIdempotencyKeyAndReturnsTheChargesRefundedTotal() throws Exception {
        // a 750 refund after an earlier 500: Stripe's total is 1250
        stripe.enqueue(ok(StripeJson.refund("re_3QhXk2LkdIwHu7ix1kQ3Vt0a", 750, "succeeded", 1250)));

        GatewayRefund refund = gateway.refund(INTENT_ID, 750, "rf_key1");

        assertThat(refund).isEqualTo(new GatewayRefund("re_3QhXk2LkdIwHu7ix1kQ3Vt0a", 1250));
        RecordedRequest request = stripe.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/refunds");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("refund-rf_key1");
        assertThat(form(request)).containsAllEntriesOf(Map.of(
                "payment_intent", INTENT_ID, "amount", "750", "expand[0]", "charge", "metadata[refund_id]", "rf_key1"));
    }

    @Test
    void listsTheIntentsRefundsWithOurRefundIdsAndTheChargesTotal() throws Exception {
        String made = StripeJson.refund("re_3QhXk2LkdIwHu7ix1kQ3Vt0c", 500, "succeeded", 500)
                .replace("\"reason\": null", "\"reason\": null, \"metadata\": {\"refund_id\": \"rf_lost\"}");
        String failed = StripeJson.refund("re_3QhXk2LkdIwHu7ix1kQ3Vt0d", 250, "failed", 500);
        stripe.enqueue(ok("""
                {"object": "list", "data": [%s, %s], "has_more": false, "url": "/v1/refunds"}
                """.formatted(made, failed)));

        List<ListedRefund> refunds = gateway.listRefunds(INTENT_ID);

        assertThat(refunds).containsExactly(
                new ListedRefund("re_3QhXk2LkdIwHu7ix1kQ3Vt0c", "rf_lost", 500, false, null, 500),
                new ListedRefund("re_3QhXk2LkdIwHu7ix1kQ3Vt0d", null, 250, true, "expired_or_canceled_card", 500));
        RecordedRequest request = stripe.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/refunds");
        assertThat(request.getUrl().queryParameter("payment_intent")).isEqualTo(INTENT_ID);
        assertThat(request.getUrl().queryParameter("expand[0]")).isEqualTo("data.charge");
    }

    @Test
    void aRefundStripeReportsAsFailedIsAnError() {
        stripe.enqueue(ok(StripeJson.refund("re_3QhXk2LkdIwHu7ix1kQ3Vt0b", 750, "failed", 0)));

        assertThatThrownBy(() -> gateway.refund(INTENT_ID, 750, "rf_key2"))
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST))
                .satisfies(e -> assertThat(e.getMessage()).contains("expired_or_canceled_card"));
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
            "card_declined, insufficient_funds, insufficient_funds, Your card has insufficient funds.",
            "card_declined, generic_decline, generic_decline, Your card was declined.",
            "card_declined, stolen_card, stolen_card, Your card was declined.",
            "expired_card, , expired_card, Your card has expired.",
            "incorrect_cvc, , incorrect_cvc, Your card's security code is incorrect.",
            "card_declined, some_new_code, some_new_code, Your card was declined. Try another card or contact your bank."})
    void aCardErrorIsADeclineWithACustomerSafeMessage(String code, String declineCode, String expectedCode,
                                                      String expectedMessage) {
        stripe.enqueue(new MockResponse.Builder().code(402)
                .body("{\"error\": " + StripeJson.cardError(code, declineCode, "Stripe's text for developers") + "}")
                .build());

        assertThatThrownBy(() -> gateway.createIntent(PaymentFixtures.pendingPayment()))
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CARD_DECLINED);
                    assertThat(e.declineCode()).isEqualTo(expectedCode);
                    assertThat(e.customerMessage()).isEqualTo(expectedMessage);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @ParameterizedTest(name = "HTTP {0} {1} → {3}")
    @CsvSource({
            "400, invalid_request_error, parameter_invalid_integer, INVALID_REQUEST",
            "404, invalid_request_error, resource_missing, INVALID_REQUEST",
            "400, idempotency_error, , INVALID_REQUEST",
            "409, invalid_request_error, lock_timeout, UNAVAILABLE",
            "401, invalid_request_error, , AUTHENTICATION",
            "403, invalid_request_error, secret_key_required, AUTHENTICATION",
            "429, invalid_request_error, rate_limit, RATE_LIMITED",
            "500, api_error, , UNAVAILABLE",
            "503, api_error, , UNAVAILABLE"})
    void mapsStripeErrorsOntoReasons(int status, String type, String code, Reason expected) {
        stripe.enqueue(new MockResponse.Builder().code(status)
                .body(StripeJson.error(type, code, "Something about the request")).build());

        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(expected);
                    assertThat(e.getMessage()).contains("HTTP " + status);
                    assertThat(e.customerMessage()).isNotBlank();
                });
    }

    @Test
    void rateLimitsAndOutagesAreRetryableAndBadRequestsAreNot() {
        stripe.enqueue(new MockResponse.Builder().code(429).body(StripeJson.error("invalid_request_error", "rate_limit",
                "Too many requests")).build());
        stripe.enqueue(new MockResponse.Builder().code(400).body(StripeJson.error("invalid_request_error", null,
                "Bad")).build());

        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .asInstanceOf(type(GatewayException.class)).satisfies(e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .asInstanceOf(type(GatewayException.class)).satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void neverPutsTheSecretKeyInAnErrorMessage() {
        stripe.enqueue(new MockResponse.Builder().code(401).body(StripeJson.error("invalid_request_error", null,
                "Invalid API Key provided: " + SECRET_KEY)).build());

        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_KEY).contains("[secret key]"));
        assertThat(new StripeSettings(SECRET_KEY, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 0).toString())
                .doesNotContain(SECRET_KEY);
    }

    @Test
    void anUnreachableStripeIsUnavailable() {
        stripe.close();

        assertThatThrownBy(() -> gateway.retrieveIntent(INTENT_ID))
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void retriesAnOutageWithTheSameIdempotencyKey() throws Exception {
        gateway = gatewayWithRetries(1);
        Payment payment = PaymentFixtures.pendingPayment();
        stripe.enqueue(new MockResponse.Builder().code(500).body(StripeJson.error("api_error", null, "Oops")).build());
        stripe.enqueue(ok(StripeJson.paymentIntent("requires_payment_method")));

        assertThat(gateway.createIntent(payment).reference()).isEqualTo(INTENT_ID);

        assertThat(stripe.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("create-intent-" + payment.id());
        assertThat(stripe.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("create-intent-" + payment.id());
    }

    private StripePaymentGateway gatewayWithRetries(int retries) {
        return new StripePaymentGateway(new StripeSettings(SECRET_KEY, stripe.url("/").toString(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), retries));
    }

    private static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("Request-Id", "req_8dHmVmWlZz1xQa").body(json).build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        return Arrays.stream(request.getBody().utf8().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> decode(pair[1])));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
