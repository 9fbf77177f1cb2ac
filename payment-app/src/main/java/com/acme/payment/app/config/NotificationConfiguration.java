package com.acme.payment.app.config;

import com.acme.payment.adapter.email.EmlFileNotificationSender;
import com.acme.payment.adapter.email.NotificationRenderer;
import com.acme.payment.adapter.email.OutboxPaymentNotifier;
import com.acme.payment.adapter.email.SmtpNotificationSender;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.NotificationSender;
import com.acme.payment.domain.port.out.PaymentNotifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Emails go into the outbox with the payment change, and out through SMTP, or to .eml files without it. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    PaymentNotifier paymentNotifier(NotificationOutbox outbox, Clock clock, PaymentProperties properties,
                                    PaymentCatalog catalog) {
        return new OutboxPaymentNotifier(outbox, clock, new OutboxPaymentNotifier.Settings(
                properties.mail().merchant(), ZoneId.of("UTC"), catalog.serviceTypes(), properties.publicUrl(),
                properties.mail().failureNoticesPerHour(), properties.merchantEmail()));
    }

    @Bean
    NotificationRenderer notificationRenderer() {
        return new NotificationRenderer();
    }

    /** Spring Boot creates a JavaMailSender when SPRING_MAIL_HOST is set. */
    @Bean
    NotificationSender notificationSender(ObjectProvider<JavaMailSender> mail, NotificationRenderer renderer,
                                          PaymentProperties properties, Clock clock) {
        JavaMailSender mailSender = mail.getIfAvailable();
        if (mailSender != null) {
            LOG.info("Emails are sent over SMTP");
            return new SmtpNotificationSender(mailSender, renderer, properties.mail().from());
        }
        Path directory = properties.dataDir().resolve("mail").toAbsolutePath();
        LOG.info("No SPRING_MAIL_HOST set: emails are written as .eml files to {}", directory);
        return new EmlFileNotificationSender(directory, renderer, properties.mail().from(), clock);
    }
}
