package com.acme.payment.app.live;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import com.acme.payment.adapter.postgres.PostgresPaymentChangeFeed;
import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.EventStreamClient;
import com.acme.payment.app.EventStreamClient.Event;
import com.acme.payment.app.StripeEvents;
import com.acme.payment.app.web.PaymentStatusStreams;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.in.CancelPaymentUseCase;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two app instances on one PostgreSQL: this test's app (A, where the streams are open) and a second one (B, where
 * the webhooks arrive). A change stored on B reaches A through NOTIFY/LISTEN.
 */
@TestPropertySource(properties = "payment.trusted-proxies=127.0.0.1")
class PaymentStatusStreamIT extends AbstractAppIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** The stream limit's own client (forwarded by the trusted 127.0.0.1): a closed stream is counted until the
     * server next writes to it, so the other tests' streams must not count against it. */
    private static final String CLIENT = "203.0.113.77";
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    EmbeddedPostgresServer database;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionRunner transactions;
    @Autowired
    PaymentRepository repository;
    @Autowired
    CancelPaymentUseCase cancel;
    @Autowired
    MeterRegistry meters;

    private String paymentId;
    private String intentId;

    @BeforeEach
    void startInstanceBAndAPayment() {
        if (instanceB == null) {
            instanceB = startInstanceBeside(database, "stream-instance-b",
                    "payment.sandbox.webhook-secret=" + WEBHOOK_SECRET, "payment.max-status-streams=2");
        }
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        paymentId = body(created).get("paymentId").asString();
        intentId = jdbc.sql("select gateway_reference from payments where payment_id = ?").param(paymentId)
                .query(String.class).single();
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void a_webhook_applied_on_one_instance_reaches_a_stream_on_the_other() throws Exception {
        try (EventStreamClient stream = openOnA(paymentId, Map.of())) {
            assertThat(stream.response().headers().firstValue("Content-Type")).get().asString()
                    .startsWith("text/event-stream");
            Event current = stream.next(WAIT);
            assertThat(current.name()).isEqualTo("status");
            assertThat(current.id()).isEqualTo(currentVersion());
            assertThat(json.readTree(current.data()).get("status").asString()).isEqualTo("pending");
            assertThat(current.data()).doesNotContain("Grace").doesNotContain("grace@example.com");

            deliverOnB(StripeEvents.processing(newEventId(), intentId, 1250));
            deliverOnB(StripeEvents.succeeded(newEventId(), intentId, 1250));

            List<String> statuses = new ArrayList<>();
            while (!statuses.contains("succeeded")) {
                Event next = stream.next(WAIT);
                assertThat(next).as("an event after " + statuses).isNotNull();
                statuses.add(json.readTree(next.data()).get("status").asString());
                assertThat(Long.parseLong(next.id())).isPositive();
            }
            assertThat(statuses).containsSubsequence("succeeded").doesNotContain("pending");
        }
    }

    @Test
    void a_stream_resumed_with_last_event_id_after_a_dropped_connection_gets_the_change_it_missed()
            throws Exception {
        try (EventStreamClient stream = openOnA(paymentId, Map.of())) {
            assertThat(stream.next(WAIT).id()).isEqualTo(currentVersion());
        }
        String seen = currentVersion();
        deliverOnB(StripeEvents.succeeded(newEventId(), intentId, 1250));

        try (EventStreamClient resumed = openOnA(paymentId, seen)) {
            Event missed = resumed.next(WAIT);
            assertThat(missed).isNotNull();
            assertThat(json.readTree(missed.data()).get("status").asString()).isEqualTo("succeeded");
            assertThat(missed.id()).isEqualTo(currentVersion()).isNotEqualTo(seen);
        }
        try (EventStreamClient upToDate = openOnA(paymentId, currentVersion())) {
            assertThat(upToDate.next(Duration.ofMillis(500))).as("nothing it has not seen").isNull();
        }
    }

    @Test
    void a_change_after_the_listen_connection_is_killed_still_reaches_the_stream() throws Exception {
        try (EventStreamClient stream = openOnA(paymentId, Map.of())) {
            assertThat(stream.next(WAIT).id()).isEqualTo(currentVersion());

            List<Boolean> killed = jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = ?").param(PostgresPaymentChangeFeed.APPLICATION_NAME)
                    .query(Boolean.class).list();
            assertThat(killed).as("both instances' LISTEN connections").hasSize(2).containsOnly(true);
            deliverOnB(StripeEvents.processing(newEventId(), intentId, 1250));

            Event processing = stream.next(WAIT);
            assertThat(processing).isNotNull();
            assertThat(json.readTree(processing.data()).get("status").asString()).isEqualTo("processing");

            Thread.sleep(500); // the LISTEN connections are back (the first retry waits 100 ms)
            deliverOnB(StripeEvents.succeeded(newEventId(), intentId, 1250));
            Event succeeded = stream.next(WAIT);
            assertThat(succeeded).isNotNull();
            assertThat(json.readTree(succeeded.data()).get("status").asString()).isEqualTo("succeeded");
        }
    }

    @Test
    void a_change_whose_transaction_rolls_back_is_never_announced() throws Exception {
        Payment payment = Payment.start(PaymentId.random(), new Customer("Ada Lovelace", "ada@example.com"),
                "pon-ftth", Money.charge(1250, "USD"), "sandbox", null, null, Map.of(), Instant.now());
        transactions.inTransaction(() -> {
            repository.insert(payment);
            return null;
        });
        try (Connection listener = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); EventStreamClient stream = openOnA(payment.id().value(), Map.of())) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN payment_changed");
            }
            assertThat(stream.next(WAIT).id()).isEqualTo("0");

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                cancel.cancel(payment.id().value(), "it-operator");
                throw new IllegalStateException("the use case failed after storing");
            })).isInstanceOf(IllegalStateException.class);
            cancel.cancel(payment.id().value(), "it-operator");

            List<String> heard = new ArrayList<>();
            PGNotification[] notifications;
            while ((notifications = listener.unwrap(PGConnection.class).getNotifications(1000)) != null
                    && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    heard.add(notification.getParameter());
                }
            }
            assertThat(heard).filteredOn(payload -> payload.startsWith(payment.id().value()))
                    .containsExactly(payment.id().value() + ":1");
            Event canceled = stream.next(WAIT);
            assertThat(canceled.id()).isEqualTo("1");
            assertThat(json.readTree(canceled.data()).get("status").asString()).isEqualTo("canceled");
        }
    }

    @Test
    void an_address_may_hold_a_bounded_number_of_streams_and_bad_requests_get_problems() throws Exception {
        List<EventStreamClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < PaymentStatusStreams.PER_ADDRESS; i++) {
                held.add(openOnA(paymentId, Map.of("X-Forwarded-For", CLIENT)));
            }
            HttpResponse<String> oneTooMany = send(HttpRequest.newBuilder(uri(events(paymentId)))
                    .header("Accept", "text/event-stream").header("X-Forwarded-For", CLIENT).GET().build());

            assertThat(oneTooMany.statusCode()).isEqualTo(429);
            assertThat(oneTooMany.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        } finally {
            held.forEach(EventStreamClient::close);
        }
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri(events("pay_0000000000000000000000")))
                .header("Accept", "text/event-stream").GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        HttpResponse<String> badResume = send(HttpRequest.newBuilder(uri(events(paymentId)))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "latest").GET().build());
        assertThat(badResume.statusCode()).isEqualTo(400);
        assertThat(body(badResume).get("errors").get(0).get("field").asString()).isEqualTo("Last-Event-ID");
    }

    @Test
    void an_instance_holding_its_maximum_of_streams_refuses_more_so_that_pages_poll() throws Exception {
        URI onB = URI.create("http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port")
                + events(paymentId));
        try (EventStreamClient first = EventStreamClient.open(HTTP, onB, Map.of());
             EventStreamClient second = EventStreamClient.open(HTTP, onB, Map.of())) {
            assertThat(first.response().statusCode()).isEqualTo(200);
            assertThat(second.response().statusCode()).isEqualTo(200);

            HttpResponse<String> third = send(HttpRequest.newBuilder(onB).header("Accept", "text/event-stream")
                    .GET().build());

            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(body(third).get("type").asString()).endsWith("service-unavailable");
            URI statusOnB = URI.create(onB.toString().replace("/events", ""));
            assertThat(send(HttpRequest.newBuilder(statusOnB).GET().build()).statusCode()).as("polling")
                    .isEqualTo(200);
        }
    }

    /**
     * Jetty does not tell the app's async listeners that a write found the client gone: the stream has to end the
     * request itself, or the request stays open for the stream's lifetime and holds up a graceful shutdown (which
     * gives up only after 30 s).
     */
    @Test
    void a_stream_whose_client_left_ends_at_the_next_write_and_does_not_hold_up_a_shutdown() throws Exception {
        ConfigurableApplicationContext instanceC = startInstanceBeside(database, "stream-instance-c",
                "payment.sandbox.webhook-secret=" + WEBHOOK_SECRET);
        try {
            PaymentStatusStreams streamsOnC = instanceC.getBean(PaymentStatusStreams.class);
            URI onC = URI.create("http://localhost:" + instanceC.getEnvironment().getProperty("local.server.port")
                    + events(paymentId));
            try (EventStreamClient stream = EventStreamClient.open(HTTP, onC, Map.of())) {
                assertThat(stream.next(WAIT)).isNotNull();
                assertThat(streamsOnC.size()).isEqualTo(1);
            }
            // The first write after the client left may still reach the socket's buffer; a later one fails.
            deliverOnB(StripeEvents.processing(newEventId(), intentId, 1250));
            deliverOnB(StripeEvents.succeeded(newEventId(), intentId, 1250));
            await().atMost(WAIT).until(() -> streamsOnC.size() == 0);

            long closing = System.nanoTime();
            instanceC.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(10));
        } finally {
            instanceC.close();
        }
    }

    @Test
    void a_stream_is_not_timed_as_a_request_while_a_status_poll_is() throws Exception {
        try (EventStreamClient stream = openOnA(paymentId, Map.of())) {
            assertThat(stream.next(WAIT)).isNotNull();
            assertThat(meters.find("http.server.requests.active").longTaskTimers())
                    .allSatisfy(timer -> assertThat(timer.activeTasks()).as("%s", timer.getId()).isZero());
        }
        assertThat(get("/api/payment/status/" + paymentId).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> meters.find("http.server.requests")
                .tag("uri", "/api/payment/status/{paymentId}").timer() != null);
    }

    private EventStreamClient openOnA(String payment, String lastEventId) throws Exception {
        return openOnA(payment, Map.of("Last-Event-ID", lastEventId));
    }

    private EventStreamClient openOnA(String payment, Map<String, String> headers) throws Exception {
        EventStreamClient stream = EventStreamClient.open(HTTP, uri(events(payment)), headers);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        return stream;
    }

    private static String events(String payment) {
        return "/api/payment/status/" + payment + "/events";
    }

    private String currentVersion() {
        return get("/api/payment/status/" + paymentId).headers().firstValue("ETag").orElseThrow()
                .replaceAll("\\D", "");
    }

    private void deliverOnB(String payload) {
        URI webhook = URI.create("http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port")
                + "/api/payment/stripe/webhook");
        HttpResponse<String> response = send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header("Stripe-Signature", signature(payload, WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
