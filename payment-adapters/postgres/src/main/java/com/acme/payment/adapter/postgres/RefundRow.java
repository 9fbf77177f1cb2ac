package com.acme.payment.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of {@code refunds}; {@code updated_at} is bookkeeping the domain does not carry. */
record RefundRow(
        String refundId,
        String paymentId,
        long amount,
        String status,
        String reason,
        String idempotencyKey,
        String gatewayRefundId,
        Instant createdAt,
        String failureReason) {

    static final String COLUMNS =
            "refund_id, payment_id, amount, status, reason, idempotency_key, gateway_refund_id, created_at,"
                    + " failure_reason";

    static RefundRow read(ResultSet row, int rowNumber) throws SQLException {
        return new RefundRow(
                row.getString("refund_id"),
                row.getString("payment_id"),
                row.getLong("amount"),
                row.getString("status"),
                row.getString("reason"),
                row.getString("idempotency_key"),
                row.getString("gateway_refund_id"),
                ColumnValues.instant(row, "created_at"),
                row.getString("failure_reason"));
    }
}
