package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments and their audit trail in PostgreSQL, with explicit SQL. Statements run on the connection of the
 * caller's Spring-managed transaction when there is one ({@link JdbcClient} goes through {@code DataSourceUtils}),
 * so a use case's reads and writes commit or roll back together.
 */
public class JdbcPaymentRepository implements PaymentRepository {

    private static final List<String> UNRESOLVED = Arrays.stream(PaymentStatus.values())
            .filter(PaymentStatus::isUnresolved).map(PaymentStatus::apiName).toList();

    private final JdbcClient jdbc;

    public JdbcPaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Payment payment) {
        PaymentSnapshot snapshot = payment.snapshot();
        try {
            jdbc.sql(PaymentTable.INSERT).params(PaymentTable.parameters(snapshot)).update();
        } catch (DuplicateKeyException e) {
            if (PostgresErrors.violates(e, "payments_idempotency_key_key")) {
                throw new DuplicateIdempotencyKeyException(snapshot.idempotencyKey(), e);
            }
            throw e;
        }
        appendHistory(payment);
        payment.markSaved(0);
    }

    @Override
    public void update(Payment payment) {
        int updated = jdbc.sql(PaymentTable.UPDATE).params(PaymentTable.parameters(payment.snapshot())).update();
        if (updated == 0) {
            throw new StalePaymentException(payment.id(), payment.version());
        }
        appendHistory(payment);
        payment.markSaved(payment.version() + 1);
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return findOneWhere("payment_id = :value", id.value());
    }

    @Override
    public Optional<Payment> findByGatewayReference(String gatewayReference) {
        return findOneWhere("gateway_reference = :value", gatewayReference);
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(String idempotencyKey) {
        return findOneWhere("idempotency_key = :value", idempotencyKey);
    }

    @Override
    public List<Payment> findUnresolved(Instant updatedBefore, int limit) {
        return jdbc.sql(PaymentTable.SELECT + """
                         WHERE status IN (:unresolved) AND updated_at < :updatedBefore
                         ORDER BY updated_at, payment_id
                         LIMIT :limit
                        """)
                .param("unresolved", UNRESOLVED)
                .param("updatedBefore", ColumnValues.timestamp(updatedBefore))
                .param("limit", limit)
                .query(PaymentTable::read)
                .list();
    }

    private Optional<Payment> findOneWhere(String condition, String value) {
        return jdbc.sql(PaymentTable.SELECT + " WHERE " + condition)
                .param("value", value)
                .query(PaymentTable::read)
                .optional();
    }

    private void appendHistory(Payment payment) {
        for (StatusChange change : payment.unsavedChanges()) {
            StatusChangeRow row = PaymentRowMapper.INSTANCE.toRow(change);
            jdbc.sql("""
                            INSERT INTO payment_status_history
                                   (payment_id, from_status, to_status, source, gateway_event_id, applied, detail,
                                    occurred_at, actor)
                            VALUES (:paymentId, :fromStatus, :toStatus, :source, :gatewayEventId, :applied, :detail,
                                    :occurredAt, :actor)
                            """)
                    .param("paymentId", payment.id().value())
                    .param("fromStatus", row.fromStatus())
                    .param("toStatus", row.toStatus())
                    .param("source", row.source())
                    .param("gatewayEventId", row.gatewayEventId())
                    .param("applied", row.applied())
                    .param("detail", row.detail())
                    .param("occurredAt", ColumnValues.timestamp(row.occurredAt()))
                    .param("actor", row.actor())
                    .update();
        }
    }
}
