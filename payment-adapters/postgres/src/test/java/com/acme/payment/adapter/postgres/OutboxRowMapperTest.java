package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class OutboxRowMapperTest {

    private static final OutboxRowMapper MAPPER = OutboxRowMapper.INSTANCE;

    @Test
    void queuesANotificationWithItsKindInLowerCaseAndItsDataAsJson() {
        PaymentId paymentId = PaymentId.random();
        Notification notification = new Notification(paymentId, NotificationKind.REFUND_NOTICE, "refunded:500",
                "zoe@example.com", Map.of("customerName", "Zoë 山田"));

        assertThat(MAPPER.toRow(notification)).isEqualTo(new OutboxRow(0, paymentId.value(), "refund_notice",
                "refunded:500", "zoe@example.com", "{\"customerName\":\"Zoë 山田\"}", 0));
    }

    @Test
    void readsAClaimedRowAsAMessageWithItsAttempts() {
        PaymentId paymentId = PaymentId.random();
        OutboxRow row = new OutboxRow(42, paymentId.value(), "receipt", "succeeded", "ada@example.com",
                "{\"amount\": \"$12.50\", \"serviceType\": \"PON & FTTH\"}", 3);

        assertThat(MAPPER.toMessage(row)).isEqualTo(new OutboxMessage(42, new Notification(paymentId,
                NotificationKind.RECEIPT, "succeeded", "ada@example.com",
                Map.of("amount", "$12.50", "serviceType", "PON & FTTH")), 3));
    }

    @Test
    void refusesDataThatIsNotAnObjectOfStrings() {
        OutboxRow row = new OutboxRow(1, PaymentId.random().value(), "receipt", "k", "a@example.com", "[1, 2]", 1);

        assertThatThrownBy(() -> MAPPER.toMessage(row)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAnUnknownKind() {
        OutboxRow row = new OutboxRow(1, PaymentId.random().value(), "sms", "k", "a@example.com", "{}", 1);

        assertThatThrownBy(() -> MAPPER.toMessage(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
