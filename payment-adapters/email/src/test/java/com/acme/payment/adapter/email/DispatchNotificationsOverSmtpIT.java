package com.acme.payment.adapter.email;

import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.email.InMemoryNotificationOutbox.Row;
import com.acme.payment.adapter.email.InMemoryNotificationOutbox.State;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.service.DispatchNotificationsService;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The domain's dispatcher, this module's SMTP sender and a real SMTP server that is down, then up. */
class DispatchNotificationsOverSmtpIT {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    private final int port = TestMailSenders.freePort();
    private final GreenMail smtpServer = new GreenMail(new ServerSetup(port, TestMailSenders.HOST,
            ServerSetup.PROTOCOL_SMTP));
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final DispatchNotificationsService dispatcher = new DispatchNotificationsService(outbox,
            new SmtpNotificationSender(TestMailSenders.smtp(port), new NotificationRenderer(), TestPayments.SENDER),
            clock, 10, 5, FIRST_BACKOFF, Duration.ofMinutes(5));

    @AfterEach
    void stopSmtpServer() {
        smtpServer.stop();
    }

    @Test
    void keepsTheMessageWhileSmtpIsDownAndSendsItOnceWhenItIsBack() {
        new OutboxPaymentNotifier(outbox, clock, TestPayments.settings())
                .paymentSucceeded(TestPayments.succeeded(Money.charge(1250, "USD")), "succeeded");

        assertThat(dispatcher.dispatchDue()).isZero();

        Row row = outbox.only();
        assertThat(row.state).isEqualTo(State.PENDING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).startsWith("MailSendException").contains("Connection refused");
        assertThat(row.availableAt).isEqualTo(NOW.plus(FIRST_BACKOFF));
        assertThat(outbox.backlog()).isEqualTo(1);

        smtpServer.start();
        clock.advance(FIRST_BACKOFF.minusSeconds(1));
        assertThat(dispatcher.dispatchDue()).as("not retried before its backoff").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(smtpServer.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(row.state).isEqualTo(State.SENT);
        assertThat(row.attempts).isEqualTo(2);

        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(smtpServer.getReceivedMessages()).hasSize(1);
        assertThat(outbox.backlog()).isZero();
    }
}
