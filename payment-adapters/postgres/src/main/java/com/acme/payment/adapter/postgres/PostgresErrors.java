package com.acme.payment.adapter.postgres;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;

/** Reads which constraint PostgreSQL says a statement violated, to tell expected conflicts from bugs. */
final class PostgresErrors {

    private PostgresErrors() {
    }

    static boolean violates(DataAccessException exception, String constraint) {
        if (exception.getMostSpecificCause() instanceof PSQLException postgres) {
            ServerErrorMessage message = postgres.getServerErrorMessage();
            return message != null && constraint.equals(message.getConstraint());
        }
        return false;
    }
}
