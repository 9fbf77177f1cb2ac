package com.acme.payment.domain.testing;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payments and events for tests; shared with the adapters through this module's test-jar. */
public final class PaymentFixtures {

    public static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final PaymentCatalog CATALOG = new PaymentCatalog(
            Map.of("pon-ftth", "PON & FTTH", "microwave", "Microwave Network"), List.of("USD", "EUR", "JPY", "KWD"));

    private PaymentFixtures() {
    }

    /** A new pending payment of 12.50 USD, without a gateway reference. */
    public static Payment pendingPayment() {
        return pendingPayment(Money.charge(1250, "USD"));
    }

    public static Payment pendingPayment(Money amount) {
        return Payment.start(PaymentId.random(), new Customer("Ada Lovelace", "ada@example.com"), "pon-ftth", amount,
                "sandbox", null, null, Map.of("source", "test"), NOW);
    }

    /** A pending payment that the gateway knows as {@code pi_…}. */
    public static Payment pendingPaymentAtGateway() {
        Payment payment = pendingPayment();
        payment.attachGatewayReference(newIntentReference(), NOW);
        return payment;
    }

    /** A succeeded 12.50 USD payment with transaction id {@code ch_test}. */
    public static Payment succeededPayment() {
        Payment payment = pendingPaymentAtGateway();
        payment.apply(event(GatewayEventType.SUCCEEDED, payment.gatewayReference()), ChangeSource.WEBHOOK, NOW);
        return payment;
    }

    /** What is left to refund: neither refunded nor reserved. */
    public static long refundableOf(Payment payment) {
        PaymentSnapshot stored = payment.snapshot();
        return stored.amount() - stored.refundedAmount() - stored.refundReservedAmount();
    }

    public static GatewayEvent event(GatewayEventType type, String paymentReference) {
        return new GatewayEvent(newEventId(), type, paymentReference, NOW,
                type == GatewayEventType.SUCCEEDED ? "ch_test" : null,
                type == GatewayEventType.PAYMENT_FAILED ? "card_declined" : null,
                type == GatewayEventType.PAYMENT_FAILED ? "Your card was declined." : null, 0, null);
    }

    public static GatewayEvent refundEvent(String paymentReference, long refundedTotal) {
        return new GatewayEvent(newEventId(), GatewayEventType.REFUND_UPDATED, paymentReference, NOW, null, null, null,
                refundedTotal, null);
    }

    public static String newIntentReference() {
        return "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** An event-log entry as a webhook for {@code paymentId} would leave it. */
    public static LoggedGatewayEvent loggedEvent(String eventId, String paymentId, LoggedEventOutcome outcome,
                                                 Instant receivedAt) {
        return new LoggedGatewayEvent(eventId, "payment_intent.succeeded", "2025-09-30.clover", receivedAt,
                receivedAt, paymentId, outcome, outcome == LoggedEventOutcome.FAILED ? "boom" : null,
                "{\"id\":\"" + eventId + "\"}", 0);
    }
}
