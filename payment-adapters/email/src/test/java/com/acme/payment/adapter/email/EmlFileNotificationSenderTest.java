package com.acme.payment.adapter.email;

import static com.acme.payment.domain.testing.PaymentFixtures.CLOCK;
import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.notification.OutboxMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlFileNotificationSenderTest {

    @TempDir
    Path dataDir;

    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final OutboxPaymentNotifier notifier = new OutboxPaymentNotifier(outbox, CLOCK, TestPayments.settings());
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void writesAnEmailThatAMailClientCanReadBack() throws Exception {
        Path mailDir = dataDir.resolve("mail");
        Payment payment = TestPayments.succeeded(Money.charge(1200, "JPY"), "<script>alert(1)</script>");
        OutboxMessage message = queued(payment);

        sender(mailDir).send(message);

        List<Path> files = files(mailDir);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("20261122T101530.000Z-receipt-" + payment.id().value() + "-1.eml");
        MimeMessage email = read(files.get(0));
        assertThat(email.getSubject()).isEqualTo("Receipt for your payment of ¥1,200");
        assertThat(email.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress("ada@example.com"));
        assertThat(email.getFrom()).containsExactly(new InternetAddress(TestPayments.SENDER));
        assertThat(email.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(email.getMessageID()).isEqualTo(new MimeEmailComposer(new NotificationRenderer(),
                TestPayments.SENDER).messageId(message.notification()));
        MailAssertions.Parts parts = MailAssertions.alternativeParts(email);
        assertThat(parts.text()).contains("Hello <script>alert(1)</script>,", "¥1,200", "ch_test");
        assertThat(parts.html()).doesNotContain("<script>").contains("&lt;script&gt;", "¥1,200");
    }

    @Test
    void namesFilesSoTheySortByTimeAndNeverCollide() throws Exception {
        Path mailDir = dataDir.resolve("mail");
        EmlFileNotificationSender sender = sender(mailDir);
        OutboxMessage first = queued(TestPayments.succeeded(Money.charge(1250, "USD")));
        OutboxMessage second = queued(TestPayments.succeeded(Money.charge(1250, "USD")));
        OutboxMessage third = queued(TestPayments.succeeded(Money.charge(1250, "USD")));

        sender.send(second);
        clock.advance(Duration.ofSeconds(3));
        sender.send(first);
        sender.send(third);

        List<String> sorted = files(mailDir).stream().map(EmlFileNotificationSenderTest::messageIdIn).toList();
        assertThat(sorted).hasSize(3).first().isEqualTo(messageId(second));
        assertThat(sorted).containsExactlyInAnyOrder(messageId(first), messageId(second), messageId(third));
    }

    @Test
    void leavesNoFileBehindWhenWritingFailsHalfway() {
        EmlFileNotificationSender sender = sender(dataDir);
        MimeMessage breaksHalfway = new MimeMessage((Session) null) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write("Subject: half an email\r\n".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> sender.write(breaksHalfway, dataDir.resolve("half.eml")))
                .isInstanceOf(NotificationDeliveryException.class)
                .hasMessageContaining("half.eml")
                .hasRootCauseMessage("disk full");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void failsWhenTheDirectoryCannotBeCreated() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("mail"), "a file where the folder should be");

        assertThatThrownBy(() -> sender(notADirectory).send(queued(TestPayments.succeeded(Money.charge(1250, "USD")))))
                .isInstanceOf(NotificationDeliveryException.class);
    }

    @Test
    void refusesASenderAddressWithoutADomain() {
        assertThatThrownBy(() -> new EmlFileNotificationSender(dataDir, new NotificationRenderer(), "payments", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments");
    }

    private EmlFileNotificationSender sender(Path directory) {
        return new EmlFileNotificationSender(directory, new NotificationRenderer(), TestPayments.SENDER, clock);
    }

    private OutboxMessage queued(Payment payment) {
        notifier.paymentSucceeded(payment, "succeeded");
        InMemoryNotificationOutbox.Row row = outbox.rows().get(outbox.rows().size() - 1);
        return new OutboxMessage(row.id, row.notification, 1);
    }

    private static String messageId(OutboxMessage message) {
        return new MimeEmailComposer(new NotificationRenderer(), TestPayments.SENDER).messageId(message.notification());
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static String messageIdIn(Path file) {
        try {
            return read(file).getMessageID();
        } catch (MessagingException unreadable) {
            throw new AssertionError("no Message-ID in " + file, unreadable);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException | MessagingException unreadable) {
            throw new AssertionError("cannot read " + file, unreadable);
        }
    }
}
