package com.acme.payment.app.web;

/**
 * A failure as it may be logged: the same classes and stack traces, each message cut to its first line. A
 * database's further lines quote the row ("Failing row contains (…)"), with a customer's name and email.
 */
final class FirstLines extends RuntimeException {

    private FirstLines(Throwable original, FirstLines cause) {
        super(original.getClass().getName() + ": " + firstLine(original.getMessage()), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static FirstLines of(Throwable failure) {
        return new FirstLines(failure, failure.getCause() == null || failure.getCause() == failure ? null
                : of(failure.getCause()));
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The original's class is in the message; this wrapper's name would only mislead. */
    @Override
    public String toString() {
        return getMessage();
    }
}
