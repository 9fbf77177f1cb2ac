package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** What the console shows and does with payments: who did what, filters, the CSV export, the daily series. */
class ConsolePaymentsIT extends AbstractConsoleIT {

    @Autowired
    private PaymentRepository payments;

    @Test
    void a_refund_and_a_cancel_record_the_signed_in_user_in_the_history() {
        String operator = createUser("operator");
        Session session = signedIn(operator);
        String paid = paidPayment();
        String pending = body(postJson("/api/payment/stripe/create-intent", createIntent("ada@example.com"), Map.of()))
                .get("paymentId").asString();

        HttpResponse<String> refunded = send(withCookies(session, uri("/api/admin/payments/" + paid + "/refunds"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.xsrfToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":500}")).build());
        HttpResponse<String> canceled = postJson("/api/admin/payments/" + pending + "/cancel", "{}",
                Map.of("Authorization", basic(operator, PASSWORD)));

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        // The sandbox's refund webhook may be recorded before or after the admin's entry; the admin's has the actor.
        assertThat(adminEntries(paid)).singleElement().satisfies(entry -> {
            assertThat(entry.get("to").asString()).isEqualTo("partially_refunded");
            assertThat(entry.get("actor").asString()).isEqualTo(operator);
        });
        assertThat(adminEntries(pending)).singleElement().satisfies(entry -> {
            assertThat(entry.get("to").asString()).isEqualTo("canceled");
            assertThat(entry.get("actor").asString()).isEqualTo(operator);
        });
        assertThat(body(adminGet("/api/admin/payments/" + paid)).get("history").get(0).get("actor").isNull())
                .as("the creation had no signed-in user").isTrue();
    }

    @Test
    void the_list_filters_by_several_statuses_a_search_text_and_a_currency_and_sorts_oldest_first() {
        String tag = tag();
        Payment failed = stored("Ada " + tag, "ada@example.com", "USD", GatewayEventType.PAYMENT_FAILED, at(1));
        Payment succeeded = stored("Bob " + tag, "bob@example.com", "USD", GatewayEventType.SUCCEEDED, at(2));
        stored("Cy " + tag, "cy@example.com", "USD", null, at(3));
        stored("Di " + tag, "di@example.com", "EUR", GatewayEventType.SUCCEEDED, at(4));

        JsonNode page = body(adminGet("/api/admin/payments?status=failed&status=succeeded&currency=USD&q="
                + tag.toUpperCase() + "&sort=createdAt,asc"));
        JsonNode byTransaction = body(adminGet("/api/admin/payments?q=" + succeeded.transactionId()));

        assertThat(page.get("items").valueStream().map(item -> item.get("paymentId").asString()))
                .containsExactly(failed.id().value(), succeeded.id().value());
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(byTransaction.get("items").valueStream().map(item -> item.get("paymentId").asString()))
                .containsExactly(succeeded.id().value());
        assertThat(adminGet("/api/admin/payments?sort=amount").statusCode()).isEqualTo(400);
        assertThat(body(adminGet("/api/admin/payments?currency=usd")).get("errors").get(0).get("field").asString())
                .isEqualTo("currency");
    }

    @Test
    void the_csv_export_quotes_neutralises_formulas_and_gives_major_units_and_utc_instants() {
        String tag = tag();
        Payment evil = stored("=HYPERLINK(\"http://evil\")", tag + "@example.com", "USD", GatewayEventType.SUCCEEDED,
                Instant.parse("2021-03-04T05:06:07Z"));
        Payment awkward = stored("Smith, \"Jr\"\nSecond line", tag + "@example.com", "JPY", null, at(5));

        HttpResponse<String> csv = adminGet("/api/admin/payments/export.csv?sort=createdAt,asc&q="
                + URLEncoder.encode(tag, StandardCharsets.UTF_8));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
                .hasValue(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("payments.csv"));
        assertThat(csv.body()).startsWith("payment_id,created_at,updated_at,status,amount,refunded_amount,currency,"
                + "name,email,");
        assertThat(csv.body()).contains(evil.id().value() + ",2021-03-04T05:06:07Z,2021-03-04T05:06:07Z,succeeded,"
                + "12.50,0.00,USD,\"'=HYPERLINK(\"\"http://evil\"\")\"," + tag + "@example.com,");
        assertThat(csv.body()).contains(awkward.id().value() + ",").contains(",5000,0,JPY,\"Smith, \"\"Jr\"\"\nSecond line\",");
        assertThat(csv.body().split("\r\n")).hasSize(3).as("the header and two rows");
    }

    @Test
    void the_daily_series_gives_net_and_counts_per_day_and_currency_and_the_decline_reasons() {
        Instant day = Instant.parse("2019-06-01T12:00:00Z");
        stored("Ada", "ada@example.com", "EUR", GatewayEventType.SUCCEEDED, day);
        stored("Bob", "bob@example.com", "EUR", GatewayEventType.PAYMENT_FAILED, day.plusSeconds(60));
        stored("Cy", "cy@example.com", "EUR", GatewayEventType.PAYMENT_FAILED, day.plus(Duration.ofDays(1)));

        JsonNode daily = body(adminGet("/api/admin/stats/daily?from=2019-06-01T00:00:00Z&to=2019-06-03T00:00:00Z"));

        assertThat(daily.get("days").valueStream().map(JsonNode::toString)).containsExactly(
                "{\"date\":\"2019-06-01\",\"currency\":\"EUR\",\"net\":1250,\"succeeded\":1,\"failed\":1}",
                "{\"date\":\"2019-06-02\",\"currency\":\"EUR\",\"net\":0,\"succeeded\":0,\"failed\":1}");
        assertThat(daily.get("declineReasons").toString()).isEqualTo("[{\"reason\":\"card_declined\",\"count\":2}]");
    }

    /** A payment stored as if paid by card: {@code outcome} the gateway's answer, null for none yet. */
    private Payment stored(String name, String email, String currency, GatewayEventType outcome, Instant at) {
        Payment payment = Payment.start(PaymentId.random(), new Customer(name, email), "pon-ftth",
                Money.charge(currency.equals("JPY") ? 5000 : 1250, currency), "sandbox", null, null, Map.of(), at);
        payments.insert(payment);
        if (outcome != null) {
            String reference = PaymentFixtures.newIntentReference();
            payment.attachGatewayReference(reference, at);
            boolean failed = outcome == GatewayEventType.PAYMENT_FAILED;
            payment.apply(new GatewayEvent(PaymentFixtures.newEventId(), outcome, reference, at,
                    failed ? null : "ch_" + UUID.randomUUID().toString().replace("-", ""),
                    failed ? "card_declined" : null, failed ? "Your card was declined." : null, 0, null),
                    ChangeSource.WEBHOOK, at);
            payments.update(payment);
        }
        return payment;
    }

    private String paidPayment() {
        JsonNode payment = body(postJson("/api/payment/stripe/create-intent", createIntent("ada@example.com"), Map.of()));
        String paymentId = payment.get("paymentId").asString();
        HttpResponse<String> confirmed = postJson("/api/payment/sandbox/payments/" + paymentId + "/confirm",
                "{\"clientSecret\":\"" + payment.get("clientSecret").asString()
                        + "\",\"cardNumber\":\"4242 4242 4242 4242\",\"expiry\":\"12/34\",\"cvc\":\"123\"}", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                body(get("/api/payment/status/" + paymentId)).get("status").asString().equals("succeeded"));
        return paymentId;
    }

    private static String createIntent(String email) {
        return "{\"name\":\"Ada\",\"email\":\"" + email + "\",\"serviceType\":\"pon-ftth\",\"amount\":1250,"
                + "\"currency\":\"USD\"}";
    }

    private List<JsonNode> adminEntries(String paymentId) {
        return body(adminGet("/api/admin/payments/" + paymentId)).get("history").valueStream()
                .filter(entry -> entry.get("source").asString().equals("admin")).toList();
    }

    /** Tests share the database: each finds its own payments by a word of its own. */
    private static String tag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Instant at(int seconds) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds);
    }
}
