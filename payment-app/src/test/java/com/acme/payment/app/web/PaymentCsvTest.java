package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(String value) {
        String cell = PaymentCsv.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;

        assertThat(unquoted).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "Smith, Jane|\"Smith, Jane\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "Zoë O'Neil|Zoë O'Neil"})
    void cells_with_a_comma_or_quote_are_quoted_and_quotes_doubled(String value, String expected) {
        assertThat(PaymentCsv.cell(value)).isEqualTo(expected);
    }

    @Test
    void line_breaks_are_kept_inside_quotes_and_null_is_empty() {
        assertThat(PaymentCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(PaymentCsv.cell(null)).isEmpty();
        assertThat(PaymentCsv.cell("")).isEmpty();
    }

    @Test
    void a_payment_row_has_major_units_and_iso_utc_instants_after_the_header() {
        Payment yen = Payment.start(new PaymentId("pay_AAAAAAAAAAAAAAAAAAAAAA"), new Customer("=cmd|' /C calc'!A0",
                "a@example.com"), "pon-ftth", Money.charge(5000, "JPY"), "sandbox", null, null, Map.of(),
                Instant.parse("2026-11-01T10:15:30.123Z"));
        Payment dollars = Payment.start(new PaymentId("pay_BBBBBBBBBBBBBBBBBBBBBB"), new Customer("Ada", "b@example.com"),
                "pon-ftth", Money.charge(1250, "USD"), "sandbox", null, null, Map.of(), Instant.parse("2026-11-01T10:00:00Z"));
        StringWriter out = new StringWriter();

        PaymentCsv csv = new PaymentCsv(out);
        csv.write(yen);
        csv.write(dollars);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", PaymentCsv.HEADER));
        assertThat(lines[1]).isEqualTo("pay_AAAAAAAAAAAAAAAAAAAAAA,2026-11-01T10:15:30.123Z,2026-11-01T10:15:30.123Z,"
                + "pending,5000,0,JPY,'=cmd|' /C calc'!A0,a@example.com,pon-ftth,sandbox,,,,");
        assertThat(lines[2]).contains(",12.50,0.00,USD,Ada,");
        assertThat(out.toString()).endsWith("\r\n");
    }
}
