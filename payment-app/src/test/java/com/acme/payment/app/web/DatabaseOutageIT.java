package com.acme.payment.app.web;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.StripeEvents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The app on a PostgreSQL of its own (SPRING_DATASOURCE_URL set), which is stopped while the app runs and then
 * started again on the same port: requests fail fast with 503 problem+json (Stripe retries webhooks on 5xx),
 * health goes DOWN, nothing is half-written, and the same app process serves again once the database is back.
 */
class DatabaseOutageIT extends AbstractAppIT {

    private static final String WEBHOOK = "/api/payment/stripe/webhook";
    private static final String CREATE = "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\","
            + "\"serviceType\":\"pon-ftth\",\"amount\":1250,\"currency\":\"USD\"}";
    private static final Path DATA_DIRECTORY = createDataDirectory();
    private static final int PORT = TestSocketUtils.findAvailableTcpPort();
    private static EmbeddedPostgres database = startDatabase();

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void useTheDatabaseThatGoesDown(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @Test
    void requests_fail_fast_with_503_while_the_database_is_down_and_succeed_when_it_is_back() throws IOException {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent", CREATE, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String paymentId = body(created).get("paymentId").asString();
        String intentId = jdbc.sql("select gateway_reference from payments where payment_id = ?").param(paymentId)
                .query(String.class).single();
        String successEvent = StripeEvents.succeeded(newEventId(), intentId, 1250);

        database.close();

        assertUnavailable(postJson("/api/payment/stripe/create-intent", CREATE, Map.of()));
        assertUnavailable(postJson(WEBHOOK, successEvent,
                Map.of("Stripe-Signature", signature(successEvent, WEBHOOK_SECRET))));
        assertUnavailable(get("/api/payment/status/" + paymentId));
        assertUnavailable(adminGet("/api/admin/stats"));
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(body(health).at("/components/db/status").asString()).isEqualTo("DOWN");

        database = startDatabase();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/actuator/health").statusCode() == 200);
        HttpResponse<String> redelivered = postJson(WEBHOOK, successEvent,
                Map.of("Stripe-Signature", signature(successEvent, WEBHOOK_SECRET)));
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
        assertThat(body(redelivered).get("outcome").asString()).isEqualTo("applied");
        assertThat(body(get("/api/payment/status/" + paymentId)).get("status").asString()).isEqualTo("succeeded");
        assertThat(jdbc.sql("select count(*) from payments").query(Long.class).single())
                .as("the create refused during the outage left no row").isEqualTo(1);
        assertThat(postJson("/api/payment/stripe/create-intent", CREATE, Map.of()).statusCode()).isEqualTo(201);
    }

    private void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:service-unavailable");
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA_DIRECTORY).setCleanDataDirectory(false)
                    .setPort(PORT).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL on port " + PORT, e);
        }
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("payment-outage-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
