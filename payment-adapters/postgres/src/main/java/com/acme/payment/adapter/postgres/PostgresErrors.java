package com.acme.payment.adapter.postgres;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells expected conflicts from bugs (which constraint PostgreSQL says a statement violated), and an outage. */
final class PostgresErrors {

    private PostgresErrors() {
    }

    /** No connection could be had or kept: the database is down, restarting or out of reach. */
    static boolean unreachable(RuntimeException exception) {
        return exception instanceof DataAccessResourceFailureException
                || exception instanceof CannotCreateTransactionException
                || exception instanceof TransactionSystemException;
    }

    static boolean violates(DataAccessException exception, String constraint) {
        if (exception.getMostSpecificCause() instanceof PSQLException postgres) {
            ServerErrorMessage message = postgres.getServerErrorMessage();
            return message != null && constraint.equals(message.getConstraint());
        }
        return false;
    }
}
