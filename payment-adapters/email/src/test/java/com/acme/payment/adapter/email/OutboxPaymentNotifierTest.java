package com.acme.payment.adapter.email;

import static com.acme.payment.adapter.email.TestPayments.FAILURE_NOTICES_PER_HOUR;
import static com.acme.payment.adapter.email.TestPayments.MERCHANT;
import static com.acme.payment.domain.testing.PaymentFixtures.CLOCK;
import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxPaymentNotifierTest {

    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final OutboxPaymentNotifier notifier = new OutboxPaymentNotifier(outbox, CLOCK, TestPayments.settings());

    @Test
    void queuesAReceiptForTheCustomerWithEverythingItShows() {
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));

        notifier.paymentSucceeded(payment, "succeeded");

        InMemoryNotificationOutbox.Row row = outbox.only();
        assertThat(row.enqueuedAt).isEqualTo(NOW);
        Notification notification = row.notification;
        assertThat(notification.paymentId()).isEqualTo(payment.id());
        assertThat(notification.kind()).isEqualTo(NotificationKind.RECEIPT);
        assertThat(notification.eventKey()).isEqualTo("succeeded");
        assertThat(notification.recipient()).isEqualTo("ada@example.com");
        assertThat(notification.data()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "customerName", "Ada Lovelace",
                "service", "PON & FTTH",
                "amount", "$12.50",
                "transactionId", "ch_test",
                "paymentId", payment.id().value(),
                "date", "November 22, 2026, 10:15 UTC"));
    }

    @Test
    void sendsOneAddressAFewFailureNoticesAnHourAndNoMore() {
        MutableClock clock = new MutableClock(NOW);
        OutboxPaymentNotifier limited = new OutboxPaymentNotifier(outbox, clock, TestPayments.settings());

        for (int i = 0; i < FAILURE_NOTICES_PER_HOUR + 2; i++) {
            limited.paymentFailed(TestPayments.failed(), "evt_failed");
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(outbox.rows()).hasSize(FAILURE_NOTICES_PER_HOUR);

        clock.advance(Duration.ofMinutes(40));
        limited.paymentFailed(TestPayments.failed(), "evt_failed");
        assertThat(outbox.rows()).as("an hour after the first").hasSize(FAILURE_NOTICES_PER_HOUR + 1);
    }

    @Test
    void doesNotLimitReceiptsOrRefundNoticesByTheFailureNotices() {
        for (int i = 0; i < FAILURE_NOTICES_PER_HOUR; i++) {
            notifier.paymentFailed(TestPayments.failed(), "evt_failed");
        }
        for (int i = 0; i < FAILURE_NOTICES_PER_HOUR + 1; i++) {
            notifier.paymentSucceeded(TestPayments.succeeded(Money.charge(1250, "USD")), "succeeded");
            notifier.paymentRefunded(TestPayments.refunded(Money.charge(1250, "USD"), 500), "refunded:500");
        }

        assertThat(outbox.rows()).hasSize(3 * FAILURE_NOTICES_PER_HOUR + 2);
    }

    @Test
    void formatsAmountsForTheirCurrency() {
        notifier.paymentSucceeded(TestPayments.succeeded(Money.charge(1200, "JPY")), "succeeded");

        assertThat(outbox.only().notification.data()).containsEntry("amount", "¥1,200");
    }

    @Test
    void showsDatesInTheConfiguredZone() {
        OutboxPaymentNotifier tokyo = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                MERCHANT, ZoneId.of("Asia/Tokyo"), Map.of(), null, FAILURE_NOTICES_PER_HOUR));

        tokyo.paymentSucceeded(TestPayments.succeeded(Money.charge(1250, "USD")), "succeeded");

        assertThat(outbox.only().notification.data()).containsEntry("date", "November 22, 2026, 19:15 JST");
    }

    @Test
    void showsTheServiceTypeIdWhenItHasNoLabel() {
        OutboxPaymentNotifier unlabelled = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                MERCHANT, ZoneId.of("UTC"), Map.of(), null, FAILURE_NOTICES_PER_HOUR));

        unlabelled.paymentSucceeded(TestPayments.succeeded(Money.charge(1250, "USD")), "succeeded");

        assertThat(outbox.only().notification.data()).containsEntry("service", "pon-ftth");
    }

    @Test
    void leavesTheTransactionIdOutWhenTheGatewayGaveNone() {
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        Payment withoutCharge = Payment.reconstitute(withTransactionId(payment, null));

        notifier.paymentSucceeded(withoutCharge, "succeeded");

        assertThat(outbox.only().notification.data()).doesNotContainKey("transactionId");
    }

    @Test
    void queuesAFailureNoticeWithThePlainReasonAndNoRetryLinkWhenNoPageUrlIsSet() {
        Payment payment = TestPayments.failed();

        notifier.paymentFailed(payment, "evt_failed");

        Notification notification = outbox.only().notification;
        assertThat(notification.kind()).isEqualTo(NotificationKind.FAILURE_NOTICE);
        assertThat(notification.eventKey()).isEqualTo("evt_failed");
        assertThat(notification.recipient()).isEqualTo("ada@example.com");
        assertThat(notification.data())
                .containsEntry("failureReason", "Your card was declined.")
                .containsEntry("amount", "$12.50")
                .containsEntry("paymentId", payment.id().value())
                .doesNotContainKey("retryUrl");
    }

    @Test
    void linksTheFailureNoticeBackToThePaymentPage() {
        OutboxPaymentNotifier linking = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                MERCHANT, ZoneId.of("UTC"), Map.of(), URI.create("https://pay.acme.example/"),
                FAILURE_NOTICES_PER_HOUR));
        Payment payment = TestPayments.failed();

        linking.paymentFailed(payment, "evt_failed");

        assertThat(outbox.only().notification.data())
                .containsEntry("retryUrl", "https://pay.acme.example/payment/" + payment.id().value());
    }

    @Test
    void explainsAFailureWithoutAGatewayMessageInGeneralTerms() {
        Payment payment = TestPayments.failed();
        Payment withoutMessage = Payment.reconstitute(withFailureMessage(payment, " "));

        notifier.paymentFailed(withoutMessage, "evt_failed");

        assertThat(outbox.only().notification.data())
                .containsEntry("failureReason", OutboxPaymentNotifier.DEFAULT_FAILURE_REASON);
    }

    @Test
    void queuesAPartialRefundNoticeWithTheTotalRefundedSoFar() {
        Payment payment = TestPayments.refunded(Money.charge(1250, "USD"), 500);

        notifier.paymentRefunded(payment, "refunded:500");

        Notification notification = outbox.only().notification;
        assertThat(notification.kind()).isEqualTo(NotificationKind.REFUND_NOTICE);
        assertThat(notification.eventKey()).isEqualTo("refunded:500");
        assertThat(notification.recipient()).isEqualTo("ada@example.com");
        assertThat(notification.data())
                .containsEntry("refundedAmount", "$5.00")
                .containsEntry("amount", "$12.50")
                .containsEntry("refundScope", "partial");
    }

    @Test
    void queuesAFullRefundNoticeFormattedForTheCurrency() {
        notifier.paymentRefunded(TestPayments.refunded(Money.charge(1200, "JPY"), 1200), "refunded:1200");

        assertThat(outbox.only().notification.data())
                .containsEntry("refundedAmount", "¥1,200")
                .containsEntry("refundScope", "full");
    }

    @Test
    void sendsTheDisputeNoticeToTheMerchantOncePerDisputeNamingCustomerChargeAndDeadline() {
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));

        notifier.disputeOpened(payment, TestPayments.dispute(payment, DisputeStatus.NEEDS_RESPONSE));

        Notification notification = outbox.only().notification;
        assertThat(notification.kind()).isEqualTo(NotificationKind.DISPUTE_NOTICE);
        assertThat(notification.eventKey()).isEqualTo("dp_1Test");
        assertThat(notification.recipient()).isEqualTo(MERCHANT);
        assertThat(notification.data())
                .containsEntry("customerName", "Ada Lovelace")
                .containsEntry("customerEmail", "ada@example.com")
                .containsEntry("transactionId", "ch_test")
                .containsEntry("gatewayReference", payment.gatewayReference())
                .containsEntry("disputeReason", "fraudulent")
                .containsEntry("disputeAmount", "$12.50")
                .containsKey("evidenceDueBy")
                .doesNotContainKey("disputeOutcome");
    }

    @Test
    void sendsNoDisputeEmailWhenNoMerchantAddressIsConfigured() {
        OutboxPaymentNotifier silent = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                "", ZoneId.of("UTC"), Map.of(), null, FAILURE_NOTICES_PER_HOUR));
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));

        silent.disputeOpened(payment, TestPayments.dispute(payment, DisputeStatus.NEEDS_RESPONSE));
        silent.disputeClosed(payment, TestPayments.dispute(payment, DisputeStatus.LOST));

        assertThat(outbox.rows()).isEmpty();
    }

    @Test
    void queuesAFailedRefundNoticeForTheMerchantNamingTheRefund() {
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        Refund failed = new Refund("rf_1", payment.id(), 500, Refund.Status.FAILED, null, null, "re_1", NOW,
                "expired_or_canceled_card");

        notifier.refundFailed(payment, failed, "refund-failed:re_1");

        Notification notification = outbox.only().notification;
        assertThat(notification.kind()).isEqualTo(NotificationKind.REFUND_FAILED_NOTICE);
        assertThat(notification.eventKey()).isEqualTo("refund-failed:re_1");
        assertThat(notification.recipient()).isEqualTo(MERCHANT);
        assertThat(notification.data())
                .containsEntry("customerEmail", "ada@example.com")
                .containsEntry("gatewayRefundId", "re_1")
                .containsEntry("failedRefundAmount", "$5.00")
                .containsEntry("refundedAmount", "$0.00")
                .containsEntry("failureReason", "expired_or_canceled_card");
    }

    @Test
    void queuesNoFailedRefundNoticeWhenNoMerchantEmailIsSet() {
        OutboxPaymentNotifier unset = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                " ", ZoneId.of("UTC"), Map.of(), null, FAILURE_NOTICES_PER_HOUR));
        Payment payment = TestPayments.succeeded(Money.charge(1250, "USD"));

        unset.refundFailed(payment, new Refund("rf_1", payment.id(), 500, Refund.Status.FAILED, null, null, "re_1",
                NOW), "refund-failed:re_1");

        assertThat(outbox.rows()).isEmpty();
    }

    @Test
    void rejectsAMerchantAddressThatIsNotAnEmailAddress() {
        assertThatThrownBy(() -> new OutboxPaymentNotifier.Settings("billing at merchant", ZoneId.of("UTC"),
                Map.of(), null, FAILURE_NOTICES_PER_HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing at merchant");
    }

    @Test
    void rejectsAPaymentPageUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new OutboxPaymentNotifier.Settings(MERCHANT, ZoneId.of("UTC"), Map.of(),
                URI.create("javascript:alert(1)"), FAILURE_NOTICES_PER_HOUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PaymentSnapshot withTransactionId(Payment payment, String transactionId) {
        PaymentSnapshot s = payment.snapshot();
        return new PaymentSnapshot(s.id(), s.customerName(), s.customerEmail(), s.serviceType(), s.amount(),
                s.currency(), s.status(), s.gateway(), s.gatewayReference(), transactionId, s.failureCode(),
                s.failureMessage(), s.refundedAmount(), s.refundReservedAmount(), s.metadata(), s.idempotencyKey(),
                s.requestFingerprint(), s.version(), s.createdAt(), s.updatedAt());
    }

    private static PaymentSnapshot withFailureMessage(Payment payment, String failureMessage) {
        PaymentSnapshot s = payment.snapshot();
        return new PaymentSnapshot(s.id(), s.customerName(), s.customerEmail(), s.serviceType(), s.amount(),
                s.currency(), s.status(), s.gateway(), s.gatewayReference(), s.transactionId(), s.failureCode(),
                failureMessage, s.refundedAmount(), s.refundReservedAmount(), s.metadata(), s.idempotencyKey(),
                s.requestFingerprint(), s.version(), s.createdAt(), s.updatedAt());
    }
}
