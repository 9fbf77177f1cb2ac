package com.acme.payment.adapter.email;

import static com.acme.payment.domain.testing.PaymentFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.notification.OutboxMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;

class SmtpNotificationSenderIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(0, TestMailSenders.HOST, ServerSetup.PROTOCOL_SMTP));

    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final OutboxPaymentNotifier notifier = new OutboxPaymentNotifier(outbox, CLOCK, TestPayments.settings());

    @Test
    void deliversAReceiptAsTextAndHtml() throws Exception {
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));

        sender().send(receiptFor(payment));

        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo("Receipt for your payment of $12.50");
        assertThat(received.getFrom()).containsExactly(new InternetAddress(TestPayments.SENDER));
        assertThat(received.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress("ada@example.com"));
        MailAssertions.Parts parts = MailAssertions.alternativeParts(received);
        for (String body : new String[] {parts.text(), parts.html()}) {
            assertThat(body).contains("Ada Lovelace", "PON", "$12.50", "ch_test", payment.id().value(),
                    "November 22, 2026, 10:15 UTC");
        }
    }

    @Test
    void showsAZeroDecimalCurrencyWithoutDecimals() throws Exception {
        sender().send(receiptFor(TestPayments.succeeded(Money.charge(1200, "JPY"))));

        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo("Receipt for your payment of ¥1,200");
        MailAssertions.Parts parts = MailAssertions.alternativeParts(received);
        assertThat(parts.text()).contains("Amount:          ¥1,200");
        assertThat(parts.html()).contains(">¥1,200<");
    }

    @Test
    void escapesACustomerNameInHtmlAndKeepsItAsTypedInText() throws Exception {
        sender().send(receiptFor(TestPayments.succeeded(Money.charge(1250, "USD"), "<script>alert(1)</script>")));

        MailAssertions.Parts parts = MailAssertions.alternativeParts(onlyReceived());
        assertThat(parts.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(parts.text()).contains("Hello <script>alert(1)</script>,");
    }

    @Test
    void sendsARepeatedMessageUnderTheSameMessageId() throws Exception {
        OutboxMessage receipt = receiptFor(TestPayments.succeeded(Money.charge(1250, "USD")));
        SmtpNotificationSender sender = sender();

        sender.send(receipt);
        sender.send(new OutboxMessage(receipt.id(), receipt.notification(), 2));

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received[0].getMessageID()).isNotBlank().isEqualTo(received[1].getMessageID());
    }

    @Test
    void throwsWhenTheSmtpServerIsDown() {
        SmtpNotificationSender sender = sender();
        OutboxMessage receipt = receiptFor(TestPayments.succeeded(Money.charge(1250, "USD")));
        GREEN_MAIL.stop();

        assertThatThrownBy(() -> sender.send(receipt)).isInstanceOf(MailException.class);
    }

    private SmtpNotificationSender sender() {
        return new SmtpNotificationSender(TestMailSenders.smtp(GREEN_MAIL.getSmtp().getPort()),
                new NotificationRenderer(), TestPayments.SENDER);
    }

    private OutboxMessage receiptFor(Payment payment) {
        notifier.paymentSucceeded(payment, "succeeded");
        InMemoryNotificationOutbox.Row row = outbox.only();
        return new OutboxMessage(row.id, row.notification, 1);
    }

    private static MimeMessage onlyReceived() {
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }
}
