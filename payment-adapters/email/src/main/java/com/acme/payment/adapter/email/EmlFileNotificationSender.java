package com.acme.payment.adapter.email;

import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.out.NotificationSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Objects;

/**
 * "Sends" each email by writing it as an {@code .eml} file, for running without an SMTP server; any mail client
 * opens them. Files are named {@code <UTC time>-<kind>-<payment id>-<outbox id>.eml}, so a directory listing
 * sorts them by time and two emails never share a name.
 */
public class EmlFileNotificationSender implements NotificationSender {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MimeEmailComposer composer;
    private final Clock clock;

    /** @param directory where the files go ({@code $PAYMENT_DATA_DIR/mail}); created when missing */
    public EmlFileNotificationSender(Path directory, NotificationRenderer renderer, String fromAddress, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.composer = new MimeEmailComposer(renderer, fromAddress);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(OutboxMessage message) {
        Instant now = clock.instant();
        MimeMessage email = composer.compose(message);
        try {
            email.setSentDate(Date.from(now));
        } catch (MessagingException failure) {
            throw new NotificationDeliveryException("could not date outbox message " + message.id(), failure);
        }
        write(email, directory.resolve(fileName(message, now)));
    }

    static String fileName(OutboxMessage message, Instant now) {
        return FILE_TIME.format(now) + "-" + NotificationRenderer.templateName(message.notification().kind()) + "-"
                + message.notification().paymentId().value() + "-" + message.id() + ".eml";
    }

    /**
     * Writes to a hidden temporary file, flushes it to disk, then renames it into place: a crash leaves either
     * the whole email or none of it, never half a file under the final name.
     */
    void write(MimeMessage email, Path target) {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".", ".eml.tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                email.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException failure) {
            throw new NotificationDeliveryException("could not write " + target, failure);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // A leftover hidden .tmp file is harmless: it is never taken for an email.
        }
    }
}
