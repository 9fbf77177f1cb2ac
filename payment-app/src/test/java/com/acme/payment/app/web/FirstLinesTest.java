package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class FirstLinesTest {

    @Test
    void keepsEveryClassAndStackTraceButOnlyTheFirstLineOfEachMessage() {
        IllegalStateException database = new IllegalStateException("""
                ERROR: new row for relation "payments" violates check constraint "payments_amount_positive"
                  Detail: Failing row contains (pay_1, Ada Lovelace, ada@example.com, 0).""");
        DataIntegrityViolationException failure = new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [INSERT INTO payments VALUES (?, ?, ?, ?)]; " + database.getMessage(),
                database);

        StringWriter logged = new StringWriter();
        FirstLines.of(failure).printStackTrace(new PrintWriter(logged));

        assertThat(logged.toString())
                .doesNotContain("ada@example.com", "Ada Lovelace")
                .contains(DataIntegrityViolationException.class.getName() + ": PreparedStatementCallback; SQL",
                        "Caused by: " + IllegalStateException.class.getName()
                                + ": ERROR: new row for relation \"payments\" violates check constraint",
                        "at " + FirstLinesTest.class.getName() + ".keepsEveryClassAndStackTrace");
    }
}
