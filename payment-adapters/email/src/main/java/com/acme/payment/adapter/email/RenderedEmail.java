package com.acme.payment.adapter.email;

import java.util.Objects;

/** One notification rendered: a single-line subject and the same message as HTML and as plain text. */
public record RenderedEmail(String subject, String html, String text) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
