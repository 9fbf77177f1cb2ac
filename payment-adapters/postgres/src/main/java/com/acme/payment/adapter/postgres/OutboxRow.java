package com.acme.payment.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code notification_outbox} a sender needs; {@code data} is the jsonb text. */
record OutboxRow(
        long id,
        String paymentId,
        String kind,
        String eventKey,
        String recipient,
        String data,
        int attempts) {

    static final String COLUMNS = "id, payment_id, kind, event_key, recipient, data, attempts";

    static OutboxRow read(ResultSet row, int rowNumber) throws SQLException {
        return new OutboxRow(
                row.getLong("id"),
                row.getString("payment_id"),
                row.getString("kind"),
                row.getString("event_key"),
                row.getString("recipient"),
                row.getString("data"),
                row.getInt("attempts"));
    }
}
