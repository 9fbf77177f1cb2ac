package com.acme.payment.app.notification;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.StripeEvents;
import com.acme.payment.domain.port.in.DispatchNotificationsUseCase;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real SMTP server (GreenMail, in process). The scheduled dispatcher is slowed
 * down so each test decides when sending happens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "payment.sandbox.webhook-secret=" + EmailOutboxIT.SECRET,
        "payment.outbox.interval=PT1H",
        "payment.outbox.first-backoff=PT0.1S",
        "payment.create-intent-per-minute=1000",
        "spring.mail.host=localhost"})
class EmailOutboxIT {

    static final String SECRET = "whsec_email_outbox_test";
    static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DispatchNotificationsUseCase dispatcher;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("payment.data-dir", Files.createTempDirectory("payment-mail-it-")::toString);
    }

    @BeforeEach
    void sendWhatIsLeftFromEarlierTests() throws Exception {
        dispatcher.dispatchDue();
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void one_receipt_even_when_the_success_event_arrives_three_times() throws Exception {
        String intent = createPayment("Ada Lovelace", 1250, "USD", "ada@example.com");
        String event = StripeEvents.succeeded(newEventId(), intent, 1250);
        for (int i = 0; i < 3; i++) {
            deliver(event);
        }
        deliver(StripeEvents.succeeded(newEventId(), intent, 1250)); // another id, same success: still one receipt

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain("ada@example.com");
        assertThat(received).hasSize(1);
        assertThat(GreenMailUtil.getBody(received[0])).contains("$12.50");
    }

    @Test
    void amounts_read_in_their_currency_and_customer_input_is_escaped_in_html() throws Exception {
        String intent = createPayment("<script>alert(1)</script>", 1200, "JPY", "yen@example.com");
        deliver(StripeEvents.succeeded(newEventId(), intent, 1200));

        dispatcher.dispatchDue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain("yen@example.com");
        assertThat(received).hasSize(1);
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        String html = htmlPart(received[0]);
        assertThat(html).contains("¥1,200").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(raw).contains("multipart/alternative");
    }

    @Test
    void while_smtp_is_down_the_email_waits_with_its_error_then_goes_out_once() throws Exception {
        SMTP.stop();
        String intent = createPayment("Alan Turing", 5000, "EUR", "alan@example.com");
        deliver(StripeEvents.succeeded(newEventId(), intent, 5000));

        dispatcher.dispatchDue();

        var row = jdbc.sql("select o.status, o.attempts, o.last_error from notification_outbox o join payments p "
                        + "on p.payment_id = o.payment_id where p.gateway_reference = ?")
                .param(intent).query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)})
                .single();
        assertThat(row[0]).isEqualTo("pending");
        assertThat((Integer) row[1]).isEqualTo(1);
        assertThat((String) row[2]).isNotBlank();

        SMTP.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            dispatcher.dispatchDue();
            assertThat(SMTP.getReceivedMessagesForDomain("alan@example.com")).hasSize(1);
        });
        dispatcher.dispatchDue();
        assertThat(SMTP.getReceivedMessagesForDomain("alan@example.com")).hasSize(1);
    }

    @Test
    void two_dispatchers_running_at_once_send_each_email_once() throws Exception {
        int payments = 30;
        for (int i = 0; i < payments; i++) {
            String intent = createPayment("Customer " + i, 1000 + i, "USD", "many" + i + "@example.com");
            deliver(StripeEvents.succeeded(newEventId(), intent, 1000 + i));
        }

        CompletableFuture<?>[] dispatchers = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.runAsync(() -> {
            while (dispatcher.dispatchDue() > 0) {
                // drain
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(dispatchers).get();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(payments);
        assertThat(Arrays.stream(received).map(message -> {
            try {
                return message.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(payments);
    }

    private String createPayment(String name, long amount, String currency, String email) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("name", name, "email", email, "serviceType", "pon-ftth",
                "amount", amount, "currency", currency));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/payment/stripe/create-intent")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String paymentId = json.readTree(created.body()).get("paymentId").asString();
        return jdbc.sql("select gateway_reference from payments where payment_id = ?").param(paymentId)
                .query(String.class).single();
    }

    private void deliver(String payload) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/payment/stripe/webhook")).header("Content-Type", "application/json")
                .header("Stripe-Signature", signature(payload, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String htmlPart(MimeMessage message) throws Exception {
        var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType("text/html")) {
                return (String) multipart.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no HTML part");
    }
}
