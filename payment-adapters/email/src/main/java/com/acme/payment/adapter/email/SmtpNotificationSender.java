package com.acme.payment.adapter.email;

import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.out.NotificationSender;
import java.util.Objects;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers notifications over SMTP. A failure surfaces as Spring's {@code MailException} (or
 * {@link NotificationDeliveryException}), so the dispatcher keeps the message and retries it.
 */
public class SmtpNotificationSender implements NotificationSender {

    private final JavaMailSender mailSender;
    private final MimeEmailComposer composer;

    /**
     * @param mailSender  an SMTP client; give it connect, read and write timeouts so a hung server cannot stall
     *                    the dispatcher
     * @param fromAddress the sender, e.g. {@code Acme Payments <payments@acme.example>}; its domain also ends
     *                    each Message-ID
     */
    public SmtpNotificationSender(JavaMailSender mailSender, NotificationRenderer renderer, String fromAddress) {
        this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
        this.composer = new MimeEmailComposer(renderer, fromAddress);
    }

    @Override
    public void send(OutboxMessage message) {
        mailSender.send(composer.compose(message));
    }
}
