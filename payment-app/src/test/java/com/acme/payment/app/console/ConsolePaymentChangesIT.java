package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import com.acme.payment.adapter.postgres.PostgresPaymentChangeFeed;
import com.acme.payment.app.EventStreamClient;
import com.acme.payment.app.EventStreamClient.Event;
import com.acme.payment.app.StripeEvents;
import com.acme.payment.app.web.PaymentChangeStreams;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console list's stream of payment changes, with two app instances on one PostgreSQL: this test's app (A, where
 * the stream is open) and a second one (B, where the payment changes). Whether a change is announced at all without
 * such a stream is PostgresPaymentNotificationsIT's.
 */
class ConsolePaymentChangesIT extends AbstractConsoleIT {

    private static final String EVENTS = "/api/admin/payments/events";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    private EmbeddedPostgresServer database;
    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void startInstanceB() {
        if (instanceB == null) {
            instanceB = startInstanceBeside(database, "changes-instance-b",
                    "payment.sandbox.webhook-secret=" + WEBHOOK_SECRET);
        }
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void a_change_stored_on_one_instance_reaches_a_viewers_stream_on_the_other() throws Exception {
        Session viewer = signedIn(createUser("viewer"));
        String paymentId = pendingPayment();

        try (EventStreamClient stream = open(Map.of("Cookie", viewer.cookieHeader()))) {
            assertThat(stream.response().headers().firstValue("Content-Type")).get().asString()
                    .startsWith("text/event-stream");
            assertThat(stream.response().headers().firstValue("Cache-Control")).hasValue("no-store");
            String intentId = jdbc.sql("select gateway_reference from payments where payment_id = ?")
                    .param(paymentId).query(String.class).single();
            String processing = StripeEvents.processing(StripeEvents.newEventId(), intentId, 1250);
            HttpResponse<String> delivered = send(HttpRequest.newBuilder(instanceB().resolve(
                            "/api/payment/stripe/webhook")).header("Content-Type", "application/json")
                    .header("Stripe-Signature", StripeEvents.signature(processing, WEBHOOK_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(processing)).build());
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);

            Event changed = nextFor(stream, paymentId);
            assertThat(changed.name()).isEqualTo("changed");
            assertThat(json.readTree(changed.data()).get("version").asLong()).isEqualTo(jdbc.sql(
                    "select version from payments where payment_id = ?").param(paymentId).query(Long.class).single());
            assertThat(changed.data()).doesNotContain("Grace").doesNotContain("grace@example.com");
        }
    }

    @Test
    void the_stream_needs_credentials_like_the_list() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(EVENTS))
                .header("Accept", "text/event-stream").GET().build());
        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(uri(EVENTS))
                .header("Accept", "text/event-stream").header("Authorization", basic("admin", "not the password"))
                .GET().build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        try (EventStreamClient overBasic = open(Map.of("Authorization", basic(createUser("viewer"), PASSWORD)))) {
            assertThat(overBasic.response().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_user_may_hold_a_bounded_number_of_streams() {
        String viewer = basic(createUser("viewer"), PASSWORD);
        List<EventStreamClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < PaymentChangeStreams.PER_USER; i++) {
                held.add(open(Map.of("Authorization", viewer)));
            }
            HttpResponse<String> oneTooMany = send(HttpRequest.newBuilder(uri(EVENTS))
                    .header("Accept", "text/event-stream").header("Authorization", viewer).GET().build());

            assertThat(oneTooMany.statusCode()).isEqualTo(429);
            assertThat(body(oneTooMany).get("type").asString()).isEqualTo("urn:payment:problem:rate-limited");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            held.forEach(EventStreamClient::close);
        }
    }

    @Test
    void when_the_listen_connection_is_lost_the_streams_end_so_that_the_browser_reconnects_and_reads_again()
            throws Exception {
        try (EventStreamClient stream = open(Map.of("Authorization", basic(createUser("viewer"), PASSWORD)))) {
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
                    .param(PostgresPaymentChangeFeed.APPLICATION_NAME).query(Boolean.class).list();

            assertThat(stream.ended(WAIT)).isTrue();
        }
        Thread.sleep(500); // the LISTEN connections are back (the first retry waits 100 ms)
        try (EventStreamClient again = open(Map.of("Authorization", basic(createUser("viewer"), PASSWORD)))) {
            String paymentId = pendingPayment();
            assertThat(postJson("/api/admin/payments/" + paymentId + "/cancel", "{}",
                    Map.of("Authorization", adminAuthorization())).statusCode()).isEqualTo(200);

            assertThat(nextFor(again, paymentId)).isNotNull();
        }
    }

    private EventStreamClient open(Map<String, String> headers) throws Exception {
        EventStreamClient stream = EventStreamClient.open(HTTP, uri(EVENTS), headers);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        return stream;
    }

    /** The next event about the payment: other tests' payments may change meanwhile. */
    private Event nextFor(EventStreamClient stream, String paymentId) throws Exception {
        Event event;
        do {
            event = stream.next(WAIT);
            assertThat(event).as("an event for " + paymentId).isNotNull();
        } while (!json.readTree(event.data()).get("paymentId").asString().equals(paymentId));
        return event;
    }

    private String pendingPayment() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("paymentId").asString();
    }

    private static URI instanceB() {
        return URI.create("http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port"));
    }
}
