package com.acme.payment.app.web;

import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payments as RFC 4180 CSV: a header row, CRLF line ends, amounts in major units beside their currency, instants in
 * ISO 8601 UTC. A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection
 * advice), so a customer named {@code =HYPERLINK(…)} stays text.
 */
public final class PaymentCsv {

    static final List<String> HEADER = List.of("payment_id", "created_at", "updated_at", "status", "amount",
            "refunded_amount", "currency", "name", "email", "service_type", "gateway", "gateway_reference",
            "transaction_id", "failure_code", "failure_message");

    private final Writer out;

    public PaymentCsv(Writer out) {
        this.out = out;
        row(HEADER.stream());
    }

    public void write(Payment payment) {
        PaymentSnapshot p = payment.snapshot();
        row(Stream.of(p.id().value(), instant(p.createdAt()), instant(p.updatedAt()), p.status().apiName(),
                major(p.amount(), p.currency()), major(p.refundedAmount(), p.currency()), p.currency(),
                p.customerName(), p.customerEmail(), p.serviceType(), p.gateway(), p.gatewayReference(),
                p.transactionId(), p.failureCode(), p.failureMessage()));
    }

    private void row(Stream<String> cells) {
        try {
            out.write(cells.map(PaymentCsv::cell).collect(Collectors.joining(",", "", "\r\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralised, then quoted when it holds a comma, quote or line break (quotes doubled). Null is empty. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String major(long minorUnits, String currency) {
        return new Money(minorUnits, currency).majorUnits().toPlainString();
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
