package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.StripeEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real app in Stripe mode (all three keys set) with {@code STRIPE_API_BASE} pointing at {@link StripeApiStub},
 * on its own embedded PostgreSQL. Subclasses share one Spring context, one database and one stub. The reconciler's
 * schedule is pushed out of the way and every waiting payment counts as stale, so tests run it by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stripe.secret-key=" + AbstractStripeModeIT.SECRET_KEY,
        "stripe.publishable-key=" + AbstractStripeModeIT.PUBLISHABLE_KEY,
        "stripe.webhook-secret=" + AbstractStripeModeIT.WEBHOOK_SECRET,
        "payment.admin.password=" + AbstractStripeModeIT.ADMIN_PASSWORD,
        "payment.reconciler.interval=PT1H",
        "payment.reconciler.stale-after=PT0S",
        "payment.create-intent-per-minute=1000",
        "payment.mail.merchant=" + AbstractStripeModeIT.MERCHANT_EMAIL})
abstract class AbstractStripeModeIT {

    static final String SECRET_KEY = "sk_test_51StripeModeITabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
    static final String PUBLISHABLE_KEY = "pk_test_51StripeModeITabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
    static final String WEBHOOK_SECRET = "whsec_stripe_mode_it_5f1c0e7a9b";
    static final String ADMIN_PASSWORD = "stripe-mode-it-admin-password";
    static final String CREATE_INTENT = "/api/payment/stripe/create-intent";
    static final String MERCHANT_EMAIL = "billing@merchant.example";

    static final StripeApiStub STRIPE = StripeApiStub.start();
    private static final Path DATA_DIR = createDataDir();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void stripeStubAndDataDir(DynamicPropertyRegistry registry) {
        registry.add("stripe.api-base", STRIPE::baseUrl);
        registry.add("payment.data-dir", DATA_DIR::toString);
    }

    @AfterEach
    void stubAnswersNormallyAgain() {
        STRIPE.answerNormally();
        assertThat(STRIPE.stubErrors()).as("requests the Stripe stub could not handle").isEmpty();
    }

    /** A payment through the public API, as the Payment page starts one. */
    Created createPayment(long amount, String currency) {
        HttpResponse<String> response = postJson(CREATE_INTENT, paymentRequest(amount, currency), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String paymentId = body(response).get("paymentId").asString();
        return new Created(paymentId, STRIPE.intentFor(paymentId).id(), body(response));
    }

    static String paymentRequest(long amount, String currency) {
        return "{\"name\":\"Katherine Johnson\",\"email\":\"katherine@example.com\",\"serviceType\":\"microwave\","
                + "\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    /** A payment the customer paid, reported by Stripe's signed webhook as it is in production. */
    Created succeededPayment(long amount) {
        Created payment = createPayment(amount, "USD");
        STRIPE.succeed(payment.intentId());
        String event = StripeEvents.paymentIntentEvent(StripeEvents.newEventId(), "payment_intent.succeeded",
                payment.intentId(), "succeeded", amount,
                "\"latest_charge\": \"" + STRIPE.intentFor(payment.paymentId()).chargeId() + "\"");
        HttpResponse<String> delivered = postJson("/api/payment/stripe/webhook", event,
                Map.of("Stripe-Signature", StripeEvents.signature(event, WEBHOOK_SECRET)));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");
        return payment;
    }

    JsonNode status(String paymentId) {
        HttpResponse<String> response = get("/api/payment/status/" + paymentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    long outboxRows(String paymentId, String kind) {
        return jdbc.sql("select count(*) from notification_outbox where payment_id = ? and kind = ?")
                .param(paymentId).param(kind).query(Long.class).single();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> adminGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", adminAuthorization()).GET().build());
    }

    HttpResponse<String> adminRefund(String paymentId, String idempotencyKey, String body) {
        return adminPost("/api/admin/payments/" + paymentId + "/refunds", idempotencyKey, body);
    }

    HttpResponse<String> adminPost(String path, String idempotencyKey, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", adminAuthorization())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** An admin action without a body, e.g. cancel. */
    HttpResponse<String> adminPost(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", adminAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> postJson(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("payment-stripe-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param response the create-intent answer */
    record Created(String paymentId, String intentId, JsonNode response) {
    }
}
