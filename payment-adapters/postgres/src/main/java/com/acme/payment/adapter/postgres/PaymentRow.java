package com.acme.payment.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of {@code payments}, column for column; {@code metadata} is the jsonb text. */
record PaymentRow(
        String paymentId,
        String customerName,
        String customerEmail,
        String serviceType,
        long amount,
        String currency,
        String status,
        String gateway,
        String gatewayReference,
        String transactionId,
        String failureCode,
        String failureMessage,
        long refundedAmount,
        long refundReservedAmount,
        String metadata,
        String idempotencyKey,
        String requestFingerprint,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLUMNS = "payment_id, customer_name, customer_email, service_type, amount, currency, status, "
            + "gateway, gateway_reference, transaction_id, failure_code, failure_message, refunded_amount, "
            + "refund_reserved_amount, metadata, idempotency_key, request_fingerprint, version, created_at, updated_at";

    static PaymentRow read(ResultSet row, int rowNumber) throws SQLException {
        return new PaymentRow(
                row.getString("payment_id"),
                row.getString("customer_name"),
                row.getString("customer_email"),
                row.getString("service_type"),
                row.getLong("amount"),
                row.getString("currency"),
                row.getString("status"),
                row.getString("gateway"),
                row.getString("gateway_reference"),
                row.getString("transaction_id"),
                row.getString("failure_code"),
                row.getString("failure_message"),
                row.getLong("refunded_amount"),
                row.getLong("refund_reserved_amount"),
                row.getString("metadata"),
                row.getString("idempotency_key"),
                row.getString("request_fingerprint"),
                row.getLong("version"),
                ColumnValues.instant(row, "created_at"),
                ColumnValues.instant(row, "updated_at"));
    }
}
