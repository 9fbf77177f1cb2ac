package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentTableTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-03-02T09:30:00Z");
    private static final PaymentSnapshot SNAPSHOT = new PaymentSnapshot(PaymentId.random(),
            "Zoë Ångström 山田", "zoe@example.com", "microwave", 123_450, "EUR", PaymentStatus.PARTIALLY_REFUNDED,
            "stripe", "pi_1", "ch_1", "card_declined", "Your card was declined.", 20_000, 3_000,
            Map.of("note", "naïve ☃"), "idem-1", "f1", 7, CREATED, UPDATED);

    @Test
    void everySnapshotFieldIsTheColumnOfTheSameNameInSnakeCase() {
        assertThat(PaymentTable.COLUMNS).isEqualTo("payment_id, customer_name, customer_email, service_type, amount, "
                + "currency, status, gateway, gateway_reference, transaction_id, failure_code, failure_message, "
                + "refunded_amount, refund_reserved_amount, metadata, idempotency_key, request_fingerprint, version, "
                + "created_at, updated_at, checkout_session_id");
    }

    @Test
    void aNewPaymentIsInsertedAtVersionZeroWithItsMetadataAsJsonb() {
        assertThat(PaymentTable.INSERT).contains("CAST(:metadata AS jsonb)")
                .contains(":requestFingerprint, 0, :createdAt, :updatedAt, :checkoutSessionId)");
    }

    @Test
    void anUpdateWritesOnlyWhatChangesAndOnlyOverTheVersionItWasLoadedAt() {
        assertThat(PaymentTable.UPDATE).isEqualTo("UPDATE payments SET status = :status, "
                + "gateway_reference = :gatewayReference, transaction_id = :transactionId, failure_code = :failureCode, "
                + "failure_message = :failureMessage, refunded_amount = :refundedAmount, "
                + "refund_reserved_amount = :refundReservedAmount, updated_at = :updatedAt, "
                + "checkout_session_id = :checkoutSessionId, version = version + 1 "
                + "WHERE payment_id = :id AND version = :version");
    }

    @Test
    void writesEveryFieldInItsColumnType() {
        Map<String, Object> parameters = PaymentTable.parameters(SNAPSHOT);

        assertThat(parameters).hasSize(21)
                .containsEntry("id", SNAPSHOT.id().value())
                .containsEntry("status", "partially_refunded")
                .containsEntry("metadata", "{\"note\":\"naïve ☃\"}")
                .containsEntry("createdAt", CREATED.atOffset(ZoneOffset.UTC))
                .containsEntry("refundReservedAmount", 3_000L)
                .containsEntry("idempotencyKey", "idem-1");
    }

    @Test
    void readsARowBackIntoTheSamePayment() throws SQLException {
        Map<String, Object> columns = new HashMap<>();
        columns.put("payment_id", SNAPSHOT.id().value());
        columns.put("customer_name", "Zoë Ångström 山田");
        columns.put("customer_email", "zoe@example.com");
        columns.put("service_type", "microwave");
        columns.put("amount", 123_450L);
        columns.put("currency", "EUR");
        columns.put("status", "partially_refunded");
        columns.put("gateway", "stripe");
        columns.put("gateway_reference", "pi_1");
        columns.put("transaction_id", "ch_1");
        columns.put("failure_code", "card_declined");
        columns.put("failure_message", "Your card was declined.");
        columns.put("refunded_amount", 20_000L);
        columns.put("refund_reserved_amount", 3_000L);
        columns.put("metadata", "{\"note\": \"naïve ☃\"}");
        columns.put("idempotency_key", "idem-1");
        columns.put("request_fingerprint", "f1");
        columns.put("version", 7L);
        columns.put("created_at", CREATED.atOffset(ZoneOffset.UTC));
        columns.put("updated_at", UPDATED.atOffset(ZoneOffset.UTC));
        ResultSet row = mock(ResultSet.class);
        when(row.getString(anyString())).thenAnswer(call -> columns.get(call.<String>getArgument(0)));
        when(row.getLong(anyString())).thenAnswer(call -> columns.get(call.<String>getArgument(0)));
        when(row.getObject(anyString(), eq(OffsetDateTime.class)))
                .thenAnswer(call -> columns.get(call.<String>getArgument(0)));

        Payment payment = PaymentTable.read(row, 0);

        assertThat(payment.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(payment.unsavedChanges()).isEmpty();
    }
}
