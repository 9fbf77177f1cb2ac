package com.acme.payment.adapter.email;

import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static com.acme.payment.domain.testing.PaymentFixtures.event;
import static com.acme.payment.domain.testing.PaymentFixtures.newIntentReference;
import static com.acme.payment.domain.testing.PaymentFixtures.refundEvent;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import java.time.ZoneId;
import java.util.Map;

/** Payments in the states that call for an email, and notifier settings, for this module's tests. */
final class TestPayments {

    static final String MERCHANT = "billing@merchant.example";
    static final int FAILURE_NOTICES_PER_HOUR = 3;
    static final String SENDER = "Acme Payments <payments@acme.example>";

    private TestPayments() {
    }

    static OutboxPaymentNotifier.Settings settings() {
        return new OutboxPaymentNotifier.Settings(MERCHANT, ZoneId.of("UTC"),
                Map.of("pon-ftth", "PON & FTTH", "microwave", "Microwave Network"), null, FAILURE_NOTICES_PER_HOUR,
                MERCHANT);
    }

    /** Succeeded with transaction id {@code ch_test}, paid by {@code customerName <ada@example.com>}. */
    static Payment succeeded(Money amount, String customerName) {
        Payment payment = atGateway(amount, customerName);
        payment.apply(event(GatewayEventType.SUCCEEDED, payment.gatewayReference()), ChangeSource.WEBHOOK, NOW);
        return payment;
    }

    static Payment succeeded(Money amount) {
        return succeeded(amount, "Ada Lovelace");
    }

    /** Declined with the message "Your card was declined.". */
    static Payment failed() {
        Payment payment = atGateway(Money.charge(1250, "USD"), "Ada Lovelace");
        payment.apply(event(GatewayEventType.PAYMENT_FAILED, payment.gatewayReference()), ChangeSource.WEBHOOK, NOW);
        return payment;
    }

    static Payment refunded(Money amount, long refundedTotal) {
        Payment payment = succeeded(amount);
        payment.apply(refundEvent(payment.gatewayReference(), refundedTotal), ChangeSource.WEBHOOK, NOW);
        return payment;
    }

    private static Payment atGateway(Money amount, String customerName) {
        Payment payment = Payment.start(PaymentId.random(), new Customer(customerName, "ada@example.com"), "pon-ftth",
                amount, "sandbox", null, null, Map.of(), NOW);
        payment.attachGatewayReference(newIntentReference(), NOW);
        return payment;
    }
}
