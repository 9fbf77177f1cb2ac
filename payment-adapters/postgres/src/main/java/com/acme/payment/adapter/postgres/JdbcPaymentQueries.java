package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.DailyStatistics.Day;
import com.acme.payment.domain.query.DailyStatistics.DeclineReason;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentFilter;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatistics.CurrencyRevenue;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read side in PostgreSQL: each view reads only what it shows. */
public class JdbcPaymentQueries implements PaymentQueries {

    private static final PaymentRowMapper MAPPER = PaymentRowMapper.INSTANCE;
    /** Rows the export reads per round trip: a few hundred kB at a time, whatever the count. */
    private static final int EXPORT_FETCH_SIZE = 500;
    /** Payments whose money was captured, whatever was refunded since. */
    private static final List<String> CAPTURED = List.of(PaymentStatus.SUCCEEDED.apiName(),
            PaymentStatus.PARTIALLY_REFUNDED.apiName(), PaymentStatus.REFUNDED.apiName());

    private final JdbcClient jdbc;
    private final JdbcPaymentRepository payments;
    private final JdbcDisputeStore disputes;

    public JdbcPaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.payments = new JdbcPaymentRepository(jdbc);
        this.disputes = new JdbcDisputeStore(jdbc);
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
    public Optional<PaymentDetails> findDetails(PaymentId id) {
        return payments.findById(id).map(payment -> new PaymentDetails(payment, history(id), refunds(id),
                disputes.disputesOf(id)));
    }

    @Override
    public PaymentPage search(PaymentSearch search) {
        Filter filter = Filter.of(search.filter());
        long total = jdbc.sql("SELECT count(*) FROM payments" + filter.where())
                .params(filter.parameters())
                .query(Long.class)
                .single();
        List<Payment> items = jdbc.sql(PaymentTable.SELECT + filter.where() + orderBy(search.filter())
                        + " LIMIT :limit OFFSET :offset")
                .params(filter.parameters())
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query(PaymentTable::read)
                .list();
        return new PaymentPage(items, search.page(), search.size(), total);
    }

    @Override
    public void forEach(PaymentFilter paymentFilter, Consumer<Payment> each) {
        Filter filter = Filter.of(paymentFilter);
        try (Stream<Payment> payments = jdbc.sql(PaymentTable.SELECT + filter.where() + orderBy(paymentFilter))
                .withFetchSize(EXPORT_FETCH_SIZE)
                .params(filter.parameters())
                .query(PaymentTable::read)
                .stream()) {
            payments.forEach(each);
        }
    }

    private static String orderBy(PaymentFilter filter) {
        return filter.oldestFirst() ? " ORDER BY created_at, payment_id" : " ORDER BY created_at DESC, payment_id DESC";
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
        // What disputes took: withdrawn and not reinstated, per payment (a dispute is in its payment's currency).
        List<CurrencyRevenue> revenue = jdbc.sql("SELECT currency, sum(amount) AS gross, sum(refunded_amount) AS refunded,"
                        + " coalesce(sum(disputed), 0) AS disputed FROM payments LEFT JOIN (SELECT payment_id,"
                        + " sum(funds_withdrawn - funds_reinstated) AS disputed FROM disputes GROUP BY payment_id)"
                        + " AS taken USING (payment_id)" + captured.where() + " GROUP BY currency ORDER BY currency")
                .params(captured.parameters())
                .query((row, rowNumber) -> new CurrencyRevenue(row.getString("currency"), row.getLong("gross"),
                        row.getLong("refunded"), row.getLong("disputed")))
                .list();
        return new PaymentStatistics(counts, revenue);
    }

    @Override
    public DailyStatistics dailyStatistics(Instant from, Instant to) {
        Filter created = Filter.createdBetween(from, to);
        List<Day> days = jdbc.sql("""
                        SELECT (created_at AT TIME ZONE 'UTC')::date AS day, currency,
                               coalesce(sum(amount - refunded_amount) FILTER (WHERE status IN (:captured)), 0) AS net,
                               count(*) FILTER (WHERE status IN (:captured)) AS succeeded,
                               count(*) FILTER (WHERE status = 'failed') AS failed
                          FROM payments""" + created.where() + """
                         GROUP BY day, currency
                         ORDER BY day, currency
                        """)
                .params(created.parameters())
                .param("captured", CAPTURED)
                .query((row, rowNumber) -> new Day(row.getObject("day", LocalDate.class), row.getString("currency"),
                        row.getLong("net"), row.getLong("succeeded"), row.getLong("failed")))
                .list();

        Filter failed = Filter.createdBetween(from, to);
        failed.add("status = :failed", "failed", PaymentStatus.FAILED.apiName());
        List<DeclineReason> reasons = jdbc.sql("SELECT failure_code, count(*) AS payments FROM payments"
                        + failed.where() + " AND failure_code IS NOT NULL"
                        + " GROUP BY failure_code ORDER BY payments DESC, failure_code LIMIT :top")
                .params(failed.parameters())
                .param("top", DailyStatistics.TOP_DECLINE_REASONS)
                .query((row, rowNumber) -> new DeclineReason(row.getString("failure_code"), row.getLong("payments")))
                .list();
        return new DailyStatistics(days, reasons);
    }

    private List<StatusChange> history(PaymentId id) {
        return jdbc.sql("""
                        SELECT from_status, to_status, source, gateway_event_id, applied, detail, occurred_at, actor
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

    @Override
    public List<Refund> findPendingRefunds(Collection<PaymentId> paymentIds, Instant createdBefore) {
        return jdbc.sql("SELECT " + RefundRow.COLUMNS + " FROM refunds WHERE payment_id IN (:paymentIds)"
                        + " AND status = 'pending' AND created_at < :createdBefore ORDER BY created_at, refund_id")
                .param("paymentIds", paymentIds.stream().map(PaymentId::value).toList())
                .param("createdBefore", ColumnValues.timestamp(createdBefore))
                .query(RefundRow::read)
                .list()
                .stream()
                .map(MAPPER::toRefund)
                .toList();
    }

    private List<Refund> refunds(PaymentId id) {
        return jdbc.sql("SELECT " + RefundRow.COLUMNS
                        + " FROM refunds WHERE payment_id = :paymentId ORDER BY created_at, refund_id")
                .param("paymentId", id.value())
                .query(RefundRow::read)
                .list()
                .stream()
                .map(MAPPER::toRefund)
                .toList();
    }

    /** Optional search criteria, ANDed; only the criteria given become SQL. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        /** The admin's criteria; a text matches part of the email or name, or a whole payment or transaction id. */
        static Filter of(PaymentFilter criteria) {
            Filter filter = createdBetween(criteria.from(), criteria.to());
            if (!criteria.statuses().isEmpty()) {
                filter.add("status IN (:statuses)", "statuses",
                        criteria.statuses().stream().map(PaymentStatus::apiName).sorted().toList());
            }
            if (criteria.email() != null && !criteria.email().isBlank()) {
                filter.add("lower(customer_email) = lower(:email)", "email", criteria.email().strip());
            }
            if (criteria.currency() != null) {
                filter.add("currency = :currency", "currency", criteria.currency());
            }
            if (criteria.text() != null && !criteria.text().isBlank()) {
                String text = criteria.text().strip();
                // strpos, not LIKE: a % or _ typed in the search box is just a character.
                filter.add("(strpos(lower(customer_email), lower(:text)) > 0"
                        + " OR strpos(lower(customer_name), lower(:text)) > 0"
                        + " OR payment_id = :text OR transaction_id = :text)", "text", text);
            }
            return filter;
        }

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
