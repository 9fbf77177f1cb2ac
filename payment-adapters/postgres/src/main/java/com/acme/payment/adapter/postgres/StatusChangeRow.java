package com.acme.payment.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of {@code payment_status_history}, without its generated id. */
record StatusChangeRow(
        String fromStatus,
        String toStatus,
        String source,
        String gatewayEventId,
        boolean applied,
        String detail,
        Instant occurredAt,
        String actor) {

    static StatusChangeRow read(ResultSet row, int rowNumber) throws SQLException {
        return new StatusChangeRow(
                row.getString("from_status"),
                row.getString("to_status"),
                row.getString("source"),
                row.getString("gateway_event_id"),
                row.getBoolean("applied"),
                row.getString("detail"),
                ColumnValues.instant(row, "occurred_at"),
                row.getString("actor"));
    }
}
