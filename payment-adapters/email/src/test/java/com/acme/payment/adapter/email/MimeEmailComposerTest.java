package com.acme.payment.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimeEmailComposerTest {

    private static final PaymentId PAYMENT = new PaymentId("pay_AAAAAAAAAAAAAAAAAAAAAA");

    private final MimeEmailComposer composer = new MimeEmailComposer(new NotificationRenderer(), TestPayments.SENDER);

    @Test
    void givesTheSameNoticeTheSameMessageIdEveryTime() {
        assertThat(composer.messageId(notice(NotificationKind.RECEIPT, "succeeded")))
                .isEqualTo(composer.messageId(notice(NotificationKind.RECEIPT, "succeeded")))
                .matches("<receipt\\.pay_AAAAAAAAAAAAAAAAAAAAAA\\.[0-9a-f]{32}@acme\\.example>");
    }

    @Test
    void givesDifferentNoticesDifferentMessageIds() {
        assertThat(composer.messageId(notice(NotificationKind.REFUND_NOTICE, "refunded:500")))
                .isNotEqualTo(composer.messageId(notice(NotificationKind.REFUND_NOTICE, "refunded:1250")))
                .isNotEqualTo(composer.messageId(notice(NotificationKind.RECEIPT, "refunded:500")));
    }

    @Test
    void keepsItsMessageIdWhenTheMessageIsSaved() throws Exception {
        Notification receipt = notice(NotificationKind.RECEIPT, "succeeded");
        MimeMessage email = composer.compose(new OutboxMessage(7, receipt, 1));

        email.saveChanges();
        email.writeTo(new ByteArrayOutputStream());

        assertThat(email.getMessageID()).isEqualTo(composer.messageId(receipt));
        assertThat(email.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void refusesToBuildAnEmailForAnUnusableRecipient() {
        Notification broken = new Notification(PAYMENT, NotificationKind.RECEIPT, "succeeded", "not an address",
                Map.of());

        assertThatThrownBy(() -> composer.compose(new OutboxMessage(7, broken, 1)))
                .isInstanceOf(NotificationDeliveryException.class)
                .hasMessageContaining("outbox message 7");
    }

    private static Notification notice(NotificationKind kind, String eventKey) {
        return new Notification(PAYMENT, kind, eventKey, "ada@example.com", Map.of());
    }
}
