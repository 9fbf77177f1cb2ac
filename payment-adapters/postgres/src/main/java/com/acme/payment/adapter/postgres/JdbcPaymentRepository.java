package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import com.acme.payment.domain.query.PaymentStatistics.CurrencyRevenue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments in PostgreSQL, with explicit SQL. Statements run on the connection of the caller's Spring-managed
 * transaction when there is one ({@link JdbcClient} goes through {@code DataSourceUtils}), so a use case's
 * reads and writes commit or roll back together.
 */
public class JdbcPaymentRepository implements PaymentRepository {

    private static final PaymentRowMapper MAPPER = PaymentRowMapper.INSTANCE;
    private static final List<String> UNRESOLVED = apiNames(PaymentStatus::isUnresolved);
    /** Payments whose money was captured, whatever was refunded since. */
    private static final List<String> CAPTURED = apiNames(status -> status == PaymentStatus.SUCCEEDED
            || status == PaymentStatus.PARTIALLY_REFUNDED || status == PaymentStatus.REFUNDED);

    private final JdbcClient jdbc;

    public JdbcPaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Payment payment) {
        PaymentRow row = MAPPER.toRow(payment.snapshot());
        try {
            jdbc.sql("""
                            INSERT INTO payments (%s)
                            VALUES (:paymentId, :customerName, :customerEmail, :serviceType, :amount, :currency, :status,
                                    :gateway, :gatewayReference, :transactionId, :failureCode, :failureMessage,
                                    :refundedAmount, :refundReservedAmount, CAST(:metadata AS jsonb), :idempotencyKey,
                                    :requestFingerprint, 0, :createdAt, :updatedAt)
                            """.formatted(PaymentRow.COLUMNS))
                    .params(parameters(row))
                    .update();
        } catch (DuplicateKeyException e) {
            if (PostgresErrors.violates(e, "payments_idempotency_key_key")) {
                throw new DuplicateIdempotencyKeyException(payment.idempotencyKey(), e);
            }
            throw e;
        }
        appendHistory(payment);
        payment.markSaved(0);
    }

    @Override
    public void update(Payment payment) {
        int updated = jdbc.sql("""
                        UPDATE payments
                           SET status = :status, gateway_reference = :gatewayReference, transaction_id = :transactionId,
                               failure_code = :failureCode, failure_message = :failureMessage,
                               refunded_amount = :refundedAmount, refund_reserved_amount = :refundReservedAmount,
                               updated_at = :updatedAt, version = version + 1
                         WHERE payment_id = :paymentId AND version = :version
                        """)
                .params(parameters(MAPPER.toRow(payment.snapshot())))
                .update();
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
    public Optional<PaymentStatusView> findStatus(PaymentId id) {
        return jdbc.sql("""
                        SELECT status, amount, currency, service_type, transaction_id, failure_message, refunded_amount,
                               updated_at, version
                          FROM payments
                         WHERE payment_id = :paymentId
                        """)
                .param("paymentId", id.value())
                .query((row, rowNumber) -> new PaymentStatusView(id,
                        MAPPER.status(row.getString("status")), row.getLong("amount"), row.getString("currency"),
                        row.getString("service_type"), row.getString("transaction_id"),
                        row.getString("failure_message"), row.getLong("refunded_amount"),
                        ColumnValues.instant(row, "updated_at"), row.getLong("version")))
                .optional();
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
    public List<StatusChange> findHistory(PaymentId id) {
        return jdbc.sql("""
                        SELECT from_status, to_status, source, gateway_event_id, applied, detail, occurred_at
                          FROM payment_status_history
                         WHERE payment_id = :paymentId
                         ORDER BY id
                        """)
                .param("paymentId", id.value())
                .query(StatusChangeRow::read)
                .list()
                .stream()
                .map(MAPPER::toStatusChange)
                .toList();
    }

    /** A concurrent insert of the same id waits for the first transaction and then reports a duplicate. */
    @Override
    public boolean recordGatewayEvent(String eventId, String eventType, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO processed_gateway_events (event_id, event_type, received_at)
                        VALUES (:eventId, :eventType, :receivedAt)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("receivedAt", ColumnValues.timestamp(receivedAt))
                .update() == 1;
    }

    @Override
    public void insertRefund(Refund refund) {
        RefundRow row = MAPPER.toRow(refund);
        try {
            jdbc.sql("""
                            INSERT INTO refunds (%s, updated_at)
                            VALUES (:refundId, :paymentId, :amount, :status, :reason, :idempotencyKey, :gatewayRefundId,
                                    :createdAt, :createdAt)
                            """.formatted(RefundRow.COLUMNS))
                    .param("refundId", row.refundId())
                    .param("paymentId", row.paymentId())
                    .param("amount", row.amount())
                    .param("status", row.status())
                    .param("reason", row.reason())
                    .param("idempotencyKey", row.idempotencyKey())
                    .param("gatewayRefundId", row.gatewayRefundId())
                    .param("createdAt", ColumnValues.timestamp(row.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            if (PostgresErrors.violates(e, "refunds_payment_idempotency_key_key")) {
                throw new DuplicateIdempotencyKeyException(refund.idempotencyKey(), e);
            }
            throw e;
        }
    }

    /** Only the outcome changes once a refund exists: its status and the gateway's id for it. */
    @Override
    public void updateRefund(Refund refund) {
        RefundRow row = MAPPER.toRow(refund);
        int updated = jdbc.sql("""
                        UPDATE refunds
                           SET status = :status, gateway_refund_id = :gatewayRefundId, updated_at = now()
                         WHERE refund_id = :refundId
                        """)
                .param("status", row.status())
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
    public List<Refund> findRefunds(PaymentId id) {
        return jdbc.sql("SELECT " + RefundRow.COLUMNS
                        + " FROM refunds WHERE payment_id = :paymentId ORDER BY created_at, refund_id")
                .param("paymentId", id.value())
                .query(RefundRow::read)
                .list()
                .stream()
                .map(MAPPER::toRefund)
                .toList();
    }

    @Override
    public List<Payment> findUnresolved(Instant updatedBefore, int limit) {
        return jdbc.sql("SELECT " + PaymentRow.COLUMNS + """
                         FROM payments
                         WHERE status IN (:unresolved) AND updated_at < :updatedBefore
                         ORDER BY updated_at, payment_id
                         LIMIT :limit
                        """)
                .param("unresolved", UNRESOLVED)
                .param("updatedBefore", ColumnValues.timestamp(updatedBefore))
                .param("limit", limit)
                .query(PaymentRow::read)
                .list()
                .stream()
                .map(MAPPER::toPayment)
                .toList();
    }

    @Override
    public PaymentPage search(PaymentSearch search) {
        Filter filter = Filter.createdBetween(search.from(), search.to());
        if (search.status() != null) {
            filter.add("status = :status", "status", search.status().apiName());
        }
        if (search.email() != null && !search.email().isBlank()) {
            filter.add("lower(customer_email) = lower(:email)", "email", search.email().strip());
        }
        long total = jdbc.sql("SELECT count(*) FROM payments" + filter.where())
                .params(filter.parameters())
                .query(Long.class)
                .single();
        List<Payment> items = jdbc.sql("SELECT " + PaymentRow.COLUMNS + " FROM payments" + filter.where()
                        + " ORDER BY created_at DESC, payment_id DESC LIMIT :limit OFFSET :offset")
                .params(filter.parameters())
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query(PaymentRow::read)
                .list()
                .stream()
                .map(MAPPER::toPayment)
                .toList();
        return new PaymentPage(items, search.page(), search.size(), total);
    }

    @Override
    public PaymentStatistics statistics(Instant from, Instant to) {
        Filter created = Filter.createdBetween(from, to);
        Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
        Arrays.stream(PaymentStatus.values()).forEach(status -> counts.put(status, 0L));
        jdbc.sql("SELECT status, count(*) AS payments FROM payments" + created.where() + " GROUP BY status")
                .params(created.parameters())
                .query(row -> {
                    counts.put(PaymentStatus.fromApiName(row.getString("status")), row.getLong("payments"));
                });

        Filter captured = Filter.createdBetween(from, to);
        captured.add("status IN (:captured)", "captured", CAPTURED);
        List<CurrencyRevenue> revenue = jdbc.sql("SELECT currency, sum(amount) AS gross, sum(refunded_amount) AS refunded"
                        + " FROM payments" + captured.where() + " GROUP BY currency ORDER BY currency")
                .params(captured.parameters())
                .query((row, rowNumber) -> new CurrencyRevenue(
                        row.getString("currency"), row.getLong("gross"), row.getLong("refunded")))
                .list();
        return new PaymentStatistics(counts, revenue);
    }

    private Optional<Payment> findOneWhere(String condition, String value) {
        return jdbc.sql("SELECT " + PaymentRow.COLUMNS + " FROM payments WHERE " + condition)
                .param("value", value)
                .query(PaymentRow::read)
                .optional()
                .map(MAPPER::toPayment);
    }

    private void appendHistory(Payment payment) {
        for (StatusChange change : payment.unsavedChanges()) {
            StatusChangeRow row = MAPPER.toRow(change);
            jdbc.sql("""
                            INSERT INTO payment_status_history
                                   (payment_id, from_status, to_status, source, gateway_event_id, applied, detail,
                                    occurred_at)
                            VALUES (:paymentId, :fromStatus, :toStatus, :source, :gatewayEventId, :applied, :detail,
                                    :occurredAt)
                            """)
                    .param("paymentId", payment.id().value())
                    .param("fromStatus", row.fromStatus())
                    .param("toStatus", row.toStatus())
                    .param("source", row.source())
                    .param("gatewayEventId", row.gatewayEventId())
                    .param("applied", row.applied())
                    .param("detail", row.detail())
                    .param("occurredAt", ColumnValues.timestamp(row.occurredAt()))
                    .update();
        }
    }

    private static Map<String, Object> parameters(PaymentRow row) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("paymentId", row.paymentId());
        parameters.put("customerName", row.customerName());
        parameters.put("customerEmail", row.customerEmail());
        parameters.put("serviceType", row.serviceType());
        parameters.put("amount", row.amount());
        parameters.put("currency", row.currency());
        parameters.put("status", row.status());
        parameters.put("gateway", row.gateway());
        parameters.put("gatewayReference", row.gatewayReference());
        parameters.put("transactionId", row.transactionId());
        parameters.put("failureCode", row.failureCode());
        parameters.put("failureMessage", row.failureMessage());
        parameters.put("refundedAmount", row.refundedAmount());
        parameters.put("refundReservedAmount", row.refundReservedAmount());
        parameters.put("metadata", row.metadata());
        parameters.put("idempotencyKey", row.idempotencyKey());
        parameters.put("requestFingerprint", row.requestFingerprint());
        parameters.put("version", row.version());
        parameters.put("createdAt", ColumnValues.timestamp(row.createdAt()));
        parameters.put("updatedAt", ColumnValues.timestamp(row.updatedAt()));
        return parameters;
    }

    private static List<String> apiNames(Predicate<PaymentStatus> included) {
        return Arrays.stream(PaymentStatus.values()).filter(included).map(PaymentStatus::apiName).toList();
    }

    /** Optional search criteria, ANDed; only the criteria given become SQL. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        /** Created in [from, to); a missing end is open. */
        static Filter createdBetween(Instant from, Instant to) {
            Filter filter = new Filter();
            if (from != null) {
                filter.add("created_at >= :from", "from", ColumnValues.timestamp(from));
            }
            if (to != null) {
                filter.add("created_at < :to", "to", ColumnValues.timestamp(to));
            }
            return filter;
        }

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            parameters.put(name, value);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> parameters() {
            return parameters;
        }
    }
}
