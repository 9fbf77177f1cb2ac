package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentRowMapperTest {

    private static final PaymentRowMapper MAPPER = PaymentRowMapper.INSTANCE;
    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-03-02T09:30:00Z");

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void storesEachStatusByItsApiName(PaymentStatus status) {
        assertThat(MAPPER.status(status)).isEqualTo(status.apiName());
        assertThat(MAPPER.status(status.apiName())).isEqualTo(status);
    }

    @Test
    void refusesAStatusItDoesNotKnow() {
        assertThatThrownBy(() -> MAPPER.status("paid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paid");
        assertThatThrownBy(() -> MAPPER.status("SUCCEEDED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsAHistoryEntryWithoutAPreviousStatus() {
        StatusChange created = new StatusChange(null, PaymentStatus.PENDING, ChangeSource.API, null, true,
                "payment created", CREATED);

        StatusChangeRow row = MAPPER.toRow(created);

        assertThat(row).isEqualTo(new StatusChangeRow(null, "pending", "api", null, true, "payment created", CREATED, null));
        assertThat(MAPPER.toStatusChange(row)).isEqualTo(created);
    }

    @Test
    void mapsAHistoryEntryThatWasNotApplied() {
        StatusChange late = new StatusChange(PaymentStatus.SUCCEEDED, PaymentStatus.PROCESSING, ChangeSource.RECONCILER,
                "evt_1", false, "not applied", UPDATED);

        StatusChangeRow row = MAPPER.toRow(late);

        assertThat(row).isEqualTo(new StatusChangeRow("succeeded", "processing", "reconciler", "evt_1", false,
                "not applied", UPDATED, null));
        assertThat(MAPPER.toStatusChange(row)).isEqualTo(late);
    }

    @Test
    void mapsTheActorOfAnAdminChange() {
        StatusChange canceled = new StatusChange(PaymentStatus.PENDING, PaymentStatus.CANCELED, ChangeSource.ADMIN,
                null, true, "canceled by an admin", UPDATED, "alice");

        StatusChangeRow row = MAPPER.toRow(canceled);

        assertThat(row.actor()).isEqualTo("alice");
        assertThat(MAPPER.toStatusChange(row)).isEqualTo(canceled);
    }

    @ParameterizedTest
    @EnumSource(Refund.Status.class)
    void mapsARefundWithEachStatus(Refund.Status status) {
        PaymentId paymentId = PaymentId.random();
        Refund refund = new Refund("rf_1", paymentId, 500, status, "Zoë asked", "key", "re_1", CREATED,
                "expired_or_canceled_card");

        RefundRow row = MAPPER.toRow(refund);

        assertThat(row).isEqualTo(new RefundRow("rf_1", paymentId.value(), 500, status.name().toLowerCase(),
                "Zoë asked", "key", "re_1", CREATED, "expired_or_canceled_card"));
        assertThat(MAPPER.toRefund(row)).isEqualTo(refund);
    }

    @Test
    void refusesAnUnknownChangeSource() {
        StatusChangeRow row = new StatusChangeRow(null, "pending", "cron", null, true, null, CREATED, null);

        assertThatThrownBy(() -> MAPPER.toStatusChange(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
