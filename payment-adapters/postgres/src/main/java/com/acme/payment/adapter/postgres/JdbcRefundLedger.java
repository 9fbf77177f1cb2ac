package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.RefundLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refunds in PostgreSQL, in the caller's transaction like {@link JdbcPaymentRepository}. */
public class JdbcRefundLedger implements RefundLedger {

    private static final PaymentRowMapper MAPPER = PaymentRowMapper.INSTANCE;

    private final JdbcClient jdbc;

    public JdbcRefundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertRefund(Refund refund) {
        RefundRow row = MAPPER.toRow(refund);
        try {
            jdbc.sql("""
                            INSERT INTO refunds (%s, updated_at)
                            VALUES (:refundId, :paymentId, :amount, :status, :reason, :idempotencyKey, :gatewayRefundId,
                                    :createdAt, :failureReason, :createdAt)
                            """.formatted(RefundRow.COLUMNS))
                    .param("refundId", row.refundId())
                    .param("paymentId", row.paymentId())
                    .param("amount", row.amount())
                    .param("status", row.status())
                    .param("reason", row.reason())
                    .param("idempotencyKey", row.idempotencyKey())
                    .param("gatewayRefundId", row.gatewayRefundId())
                    .param("createdAt", ColumnValues.timestamp(row.createdAt()))
                    .param("failureReason", row.failureReason())
                    .update();
        } catch (DuplicateKeyException e) {
            if (PostgresErrors.violates(e, "refunds_payment_idempotency_key_key")) {
                throw new DuplicateIdempotencyKeyException(refund.idempotencyKey(), e);
            }
            throw e;
        }
    }

    /** Only the outcome changes once a refund exists: its status, the gateway's id for it and why it failed. */
    @Override
    public void updateRefund(Refund refund) {
        RefundRow row = MAPPER.toRow(refund);
        int updated = jdbc.sql("""
                        UPDATE refunds
                           SET status = :status, gateway_refund_id = :gatewayRefundId,
                               failure_reason = :failureReason, updated_at = now()
                         WHERE refund_id = :refundId
                        """)
                .param("status", row.status())
                .param("failureReason", row.failureReason())
                .param("gatewayRefundId", row.gatewayRefundId())
                .param("refundId", row.refundId())
                .update();
        if (updated == 0) {
            throw new IllegalStateException("no refund " + refund.refundId() + " to update");
        }
    }

    @Override
    public Optional<Refund> findRefundByIdempotencyKey(PaymentId paymentId, String idempotencyKey) {
        return jdbc.sql("SELECT " + RefundRow.COLUMNS
                        + " FROM refunds WHERE payment_id = :paymentId AND idempotency_key = :idempotencyKey")
                .param("paymentId", paymentId.value())
                .param("idempotencyKey", idempotencyKey)
                .query(RefundRow::read)
                .optional()
                .map(MAPPER::toRefund);
    }

    @Override
    public Optional<Refund> findRefund(PaymentId paymentId, String refundId, String gatewayRefundId) {
        // Ours first: a refund whose answer was lost has no gateway id yet.
        return jdbc.sql("SELECT " + RefundRow.COLUMNS + " FROM refunds WHERE payment_id = :paymentId"
                        + " AND (refund_id = :refundId OR gateway_refund_id = :gatewayRefundId)"
                        + " ORDER BY refund_id = :refundId DESC LIMIT 1")
                .param("paymentId", paymentId.value())
                .param("refundId", refundId)
                .param("gatewayRefundId", gatewayRefundId)
                .query(RefundRow::read)
                .optional()
                .map(MAPPER::toRefund);
    }

    /** A refund the gateway refused or never made has no gateway id; one it failed later has. */
    @Override
    public Optional<Instant> latestGatewayFailure(PaymentId paymentId) {
        return jdbc.sql("SELECT max(updated_at) AS failed_at FROM refunds WHERE payment_id = :paymentId"
                        + " AND status = 'failed' AND gateway_refund_id IS NOT NULL")
                .param("paymentId", paymentId.value())
                .query((row, rowNumber) -> ColumnValues.instant(row, "failed_at"))
                .optional();
    }

    @Override
    public List<Refund> findPendingRefunds(Instant createdBefore, int limit) {
        return jdbc.sql("SELECT " + RefundRow.COLUMNS + " FROM refunds WHERE status = 'pending'"
                        + " AND created_at < :createdBefore ORDER BY created_at LIMIT :limit")
                .param("createdBefore", ColumnValues.timestamp(createdBefore))
                .param("limit", limit)
                .query(RefundRow::read)
                .list()
                .stream()
                .map(MAPPER::toRefund)
                .toList();
    }
}
