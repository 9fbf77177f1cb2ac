package com.acme.payment.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/** Reads back the parts of a multipart/alternative email as a mail client would. */
final class MailAssertions {

    private MailAssertions() {
    }

    record Parts(String text, String html) {
    }

    static Parts alternativeParts(MimeMessage message) throws MessagingException, IOException {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        BodyPart text = multipart.getBodyPart(0);
        BodyPart html = multipart.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).as("first part is text/plain").isTrue();
        assertThat(html.isMimeType("text/html")).as("second part is text/html").isTrue();
        assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
        return new Parts((String) text.getContent(), (String) html.getContent());
    }
}
