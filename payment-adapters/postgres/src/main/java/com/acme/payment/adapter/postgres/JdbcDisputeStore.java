package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.query.DisputePage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Disputes in PostgreSQL, in the caller's transaction like {@link JdbcPaymentRepository}. */
public class JdbcDisputeStore implements DisputeStore {

    static final String COLUMNS = "dispute_id, payment_id, amount, currency, reason, status, evidence_due_by, "
            + "funds_withdrawn, funds_reinstated, state_reported_at, reminder_sent, evidence_submitted_by, closed_by, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    public JdbcDisputeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the row, so that two reports of one dispute are merged one after the other. */
    @Override
    public Optional<Dispute> findDispute(String disputeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disputes WHERE dispute_id = :disputeId FOR UPDATE")
                .param("disputeId", disputeId)
                .query(JdbcDisputeStore::read)
                .optional();
    }

    @Override
    public void saveDispute(Dispute dispute) {
        jdbc.sql("""
                        INSERT INTO disputes (%s)
                        VALUES (:disputeId, :paymentId, :amount, :currency, :reason, :status, :evidenceDueBy,
                                :fundsWithdrawn, :fundsReinstated, :stateReportedAt, :reminderSent,
                                :evidenceSubmittedBy, :closedBy, :createdAt, :updatedAt)
                        ON CONFLICT (dispute_id) DO UPDATE
                           SET amount = excluded.amount, reason = excluded.reason, status = excluded.status,
                               evidence_due_by = excluded.evidence_due_by, funds_withdrawn = excluded.funds_withdrawn,
                               funds_reinstated = excluded.funds_reinstated,
                               state_reported_at = excluded.state_reported_at, reminder_sent = excluded.reminder_sent,
                               evidence_submitted_by = excluded.evidence_submitted_by, closed_by = excluded.closed_by,
                               updated_at = excluded.updated_at
                        """.formatted(COLUMNS))
                .param("disputeId", dispute.disputeId())
                .param("paymentId", dispute.paymentId().value())
                .param("amount", dispute.amount())
                .param("currency", dispute.currency())
                .param("reason", dispute.reason())
                .param("status", dispute.status().apiName())
                .param("evidenceDueBy", ColumnValues.timestamp(dispute.evidenceDueBy()))
                .param("fundsWithdrawn", dispute.fundsWithdrawn())
                .param("fundsReinstated", dispute.fundsReinstated())
                .param("stateReportedAt", ColumnValues.timestamp(dispute.stateReportedAt()))
                .param("reminderSent", dispute.reminderSent())
                .param("evidenceSubmittedBy", dispute.evidenceSubmittedBy())
                .param("closedBy", dispute.closedBy())
                .param("createdAt", ColumnValues.timestamp(dispute.createdAt()))
                .param("updatedAt", ColumnValues.timestamp(dispute.updatedAt()))
                .update();
    }

    @Override
    public List<Dispute> disputesOf(PaymentId paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disputes WHERE payment_id = :paymentId ORDER BY created_at")
                .param("paymentId", paymentId.value())
                .query(JdbcDisputeStore::read)
                .list();
    }

    @Override
    public DisputePage listDisputes(DisputeStatus status, int page, int size) {
        String where = status == null ? "" : " WHERE status = :status";
        String statusName = status == null ? null : status.apiName();
        long total = jdbc.sql("SELECT count(*) FROM disputes" + where)
                .params(status == null ? Map.of() : Map.of("status", statusName))
                .query(Long.class)
                .single();
        JdbcClient.StatementSpec items = jdbc.sql("SELECT " + COLUMNS + " FROM disputes" + where
                        + " ORDER BY created_at DESC, dispute_id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size);
        if (status != null) {
            items = items.param("status", statusName);
        }
        return new DisputePage(items.query(JdbcDisputeStore::read).list(), page, size, total);
    }

    @Override
    public List<Dispute> awaitingReminder(Instant now, Instant dueBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM disputes
                        WHERE status IN ('needs_response', 'warning_needs_response') AND NOT reminder_sent
                          AND evidence_due_by > :now AND evidence_due_by <= :dueBefore
                        ORDER BY evidence_due_by
                        LIMIT :limit
                        """)
                .param("now", ColumnValues.timestamp(now))
                .param("dueBefore", ColumnValues.timestamp(dueBefore))
                .param("limit", limit)
                .query(JdbcDisputeStore::read)
                .list();
    }

    static Dispute read(ResultSet row, int rowNumber) throws SQLException {
        return new Dispute(
                row.getString("dispute_id"),
                new PaymentId(row.getString("payment_id")),
                row.getLong("amount"),
                row.getString("currency"),
                row.getString("reason"),
                DisputeStatus.fromApiName(row.getString("status")),
                ColumnValues.instant(row, "evidence_due_by"),
                row.getLong("funds_withdrawn"),
                row.getLong("funds_reinstated"),
                ColumnValues.instant(row, "state_reported_at"),
                row.getBoolean("reminder_sent"),
                row.getString("evidence_submitted_by"),
                row.getString("closed_by"),
                ColumnValues.instant(row, "created_at"),
                ColumnValues.instant(row, "updated_at"));
    }
}
