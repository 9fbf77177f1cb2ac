package com.acme.payment.adapter.email;

import static com.acme.payment.domain.testing.PaymentFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationRendererTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private final NotificationRenderer renderer = new NotificationRenderer();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final OutboxPaymentNotifier notifier = new OutboxPaymentNotifier(outbox, CLOCK, TestPayments.settings());

    @Test
    void rendersAReceiptWithEveryDetailInBothParts() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        notifier.paymentSucceeded(payment, "succeeded");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Receipt for your payment of $12.50");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("Ada Lovelace", "$12.50", "ch_test", payment.id().value(),
                    "November 22, 2026, 10:15 UTC");
        }
        assertThat(email.text()).contains("Service:         PON & FTTH");
        assertThat(email.html()).contains("PON &amp; FTTH");
    }

    @Test
    void escapesWhatTheCustomerTypedInHtmlButNotInPlainText() {
        notifier.paymentSucceeded(TestPayments.succeeded(Money.charge(1250, "USD"), SCRIPT), "succeeded");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(email.text()).contains("Hello " + SCRIPT + ",");
    }

    @Test
    void keepsWhatTheCustomerTypedOnItsLineWithoutBidiControls() {
        Notification notice = new Notification(PaymentId.random(), NotificationKind.FAILURE_NOTICE, "evt_failed",
                "ada@example.com", Map.of("customerName", "Ada\r\nVisit https://evil.example\u2028now \u202Egnp.exe",
                "service", "PON & FTTH", "amount", "$12.50", "failureReason", "declined", "paymentId", "pay_x",
                "date", "today"));

        RenderedEmail email = renderer.render(notice);

        assertThat(email.text()).contains("Hello Ada  Visit https://evil.example now  gnp.exe,")
                .doesNotContain("\r\nVisit").doesNotContain("\u202E").doesNotContain("\u2028");
        assertThat(email.html()).doesNotContain("\u202E").doesNotContain("\r\nVisit");
    }

    @Test
    void leavesOutTheTransactionLineWhenThereIsNoTransactionId() {
        Notification receipt = new Notification(PaymentId.random(), NotificationKind.RECEIPT, "succeeded",
                "ada@example.com", Map.of("customerName", "Ada", "service", "PON & FTTH", "amount", "$12.50",
                "paymentId", "pay_x", "date", "today"));

        RenderedEmail email = renderer.render(receipt);

        assertThat(email.text()).doesNotContain("Transaction ID").contains("\nPayment ID:      pay_x\n");
        assertThat(email.html()).doesNotContain("Transaction ID");
    }

    @Test
    void tellsTheCustomerWhyAPaymentFailedAndHowToRetry() {
        notifier.paymentFailed(TestPayments.failed(), "evt_failed");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Your payment of $12.50 could not be completed");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("Your card was declined.", "No money was taken.")
                    .containsIgnoringCase("go back to the payment page and pay with another card");
        }
    }

    @Test
    void linksAFailureNoticeToThePaymentPageWhenItsUrlIsKnown() {
        var linking = new OutboxPaymentNotifier(outbox, CLOCK, new OutboxPaymentNotifier.Settings(
                TestPayments.MERCHANT, ZoneId.of("UTC"), Map.of(), URI.create("https://pay.acme.example"),
                TestPayments.FAILURE_NOTICES_PER_HOUR));
        var payment = TestPayments.failed();
        linking.paymentFailed(payment, "evt_failed");
        String url = "https://pay.acme.example/payment/" + payment.id().value();

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.text()).contains(url).doesNotContain("go back to the payment page");
        assertThat(email.html()).contains("href=\"" + url + "\"");
    }

    @Test
    void saysWhenARefundIsPartialAndHowMuchWasRefunded() {
        notifier.paymentRefunded(TestPayments.refunded(Money.charge(1250, "USD"), 500), "refunded:500");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("$5.00 of your payment has been refunded");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("partial refund", "$5.00", "$12.50").doesNotContain("in full");
        }
    }

    @Test
    void saysWhenARefundIsFull() {
        notifier.paymentRefunded(TestPayments.refunded(Money.charge(1200, "JPY"), 1200), "refunded:1200");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Your payment of ¥1,200 has been refunded");
        assertThat(email.text()).contains("We have refunded your payment of ¥1,200 in full.");
        assertThat(email.html()).contains("refunded your payment of <strong>¥1,200</strong> in full");
        assertThat(email.text() + email.html()).doesNotContain("partial");
    }

    @Test
    void tellsTheMerchantWhichPaymentIsDisputedAndTheDeadlineWithTheCustomerEscapedInHtml() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"), SCRIPT);
        notifier.disputeOpened(payment, TestPayments.dispute(payment, DisputeStatus.NEEDS_RESPONSE));

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Dispute opened on payment " + payment.id().value() + " ($12.50)");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("dispute", payment.id().value(), "ada@example.com", "ch_test",
                    payment.gatewayReference(), "fraudulent", "dp_1Test", "Submit your evidence before");
        }
        assertThat(email.html()).doesNotContain("<script>");
        assertThat(email.text()).contains("Customer:        " + SCRIPT + " <ada@example.com>");
    }

    @Test
    void remindsTheMerchantOfTheEvidenceDeadline() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        notifier.disputeReminder(payment, TestPayments.dispute(payment, DisputeStatus.NEEDS_RESPONSE));

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).startsWith("Evidence due by ").endsWith("for dispute dp_1Test ($12.50)");
        assertThat(email.text()).contains("still needs a response", "Evidence due by:");
    }

    @Test
    void tellsTheMerchantAWonDisputeGaveTheMoneyBack() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        notifier.disputeClosed(payment, TestPayments.dispute(payment, DisputeStatus.WON));

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Dispute dp_1Test won ($12.50)");
        assertThat(email.text()).contains("$12.50 is returned to your balance").doesNotContain("is lost");
        assertThat(email.html()).contains("Dispute won");
    }

    @Test
    void tellsTheMerchantALostDisputeKeptTheMoneyWithTheCustomer() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"));
        notifier.disputeClosed(payment, TestPayments.dispute(payment, DisputeStatus.LOST));

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("Dispute dp_1Test lost ($12.50)");
        assertThat(email.text()).contains("The dispute is lost: $12.50 stays with the customer.");
    }

    @Test
    void tellsTheMerchantWhichRefundFailedAndWhy() {
        var payment = TestPayments.succeeded(Money.charge(1250, "USD"), SCRIPT);
        notifier.refundFailed(payment, new Refund("rf_1", payment.id(), 500, Refund.Status.FAILED, null, null,
                "re_1", PaymentFixtures.NOW, "expired_or_canceled_card"), "refund-failed:re_1");

        RenderedEmail email = renderer.render(outbox.only().notification);

        assertThat(email.subject()).isEqualTo("A refund of $5.00 on payment " + payment.id().value() + " failed");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains(payment.id().value(), "ada@example.com", "re_1", "expired_or_canceled_card",
                    "$5.00", payment.gatewayReference());
        }
        assertThat(email.html()).doesNotContain("<script>");
        assertThat(email.text()).contains("Failed refund:   $5.00");
    }

    @Test
    void keepsTheSubjectOnOneLine() {
        Notification refund = new Notification(PaymentId.random(), NotificationKind.REFUND_NOTICE, "refunded:1",
                "ada@example.com", Map.of("amount", "$12.50", "refundedAmount", "$0.01", "refundScope", "partial"));

        assertThat(renderer.render(refund).subject()).isEqualTo("$0.01 of your payment has been refunded");
    }

    @Test
    void namesTemplatesAfterTheKind() {
        assertThat(NotificationRenderer.templateName(NotificationKind.FAILURE_NOTICE)).isEqualTo("failure-notice");
    }
}
