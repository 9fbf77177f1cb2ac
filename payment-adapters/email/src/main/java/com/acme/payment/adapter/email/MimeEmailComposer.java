package com.acme.payment.adapter.email;

import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.OutboxMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.util.MailStreamProvider;

/** Turns an outbox message into a multipart/alternative email (plain text first, then HTML), for both senders. */
final class MimeEmailComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider with a ServiceLoader scan of the classpath for every
        // message part (jakartaee/mail-api#861): most of the outbox's CPU. Named here, it is loaded directly.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    // Only builds messages; the SMTP connection belongs to the JavaMailSender.
    private final Session session = Session.getInstance(new Properties());
    private final NotificationRenderer renderer;
    private final InternetAddress from;
    private final String messageIdDomain;

    MimeEmailComposer(NotificationRenderer renderer, String fromAddress) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(fromAddress, "fromAddress");
        try {
            this.from = new InternetAddress(fromAddress, true);
        } catch (AddressException invalid) {
            throw new IllegalArgumentException("sender address is not an email address: " + fromAddress, invalid);
        }
        // A strictly parsed address always has a domain.
        this.messageIdDomain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    }

    MimeMessage compose(OutboxMessage message) {
        Notification notification = message.notification();
        try {
            RenderedEmail email = renderer.render(notification);
            MimeMessage mime = new FixedIdMimeMessage(session, messageId(notification));
            mime.setFrom(from);
            mime.setRecipients(RecipientType.TO, InternetAddress.parse(notification.recipient(), true));
            mime.setSubject(email.subject(), UTF_8);
            // RFC 3834: tells auto-responders (vacation replies) not to answer.
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setContent(new MimeMultipart("alternative", part(email.text(), "plain"), part(email.html(), "html")));
            return mime;
        } catch (MessagingException failure) {
            throw new NotificationDeliveryException("could not build email for outbox message " + message.id(),
                    failure);
        }
    }

    /**
     * The same notice always gets the same Message-ID, so a mail client shows a rare re-send (sent, then the
     * outbox update was lost) once. It identifies the notice, as the outbox's unique key does.
     */
    String messageId(Notification notification) {
        String notice = notification.paymentId().value() + '\n' + notification.kind() + '\n' + notification.eventKey();
        String digest = HexFormat.of().formatHex(sha256(notice), 0, 16);
        return "<" + NotificationRenderer.templateName(notification.kind()) + "." + notification.paymentId().value()
                + "." + digest + "@" + messageIdDomain + ">";
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Jakarta Mail replaces the Message-ID with a random one whenever a message is saved; this one keeps ours. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
