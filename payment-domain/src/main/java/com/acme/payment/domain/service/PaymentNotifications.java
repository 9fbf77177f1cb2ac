package com.acme.payment.domain.service;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.PaymentNotifier;

/** Decides which notice an applied change calls for, and under which de-duplication key. */
final class PaymentNotifications {

    private final PaymentNotifier notifier;

    PaymentNotifications(PaymentNotifier notifier) {
        this.notifier = notifier;
    }

    /** @param eventKey the gateway event id, or another key unique to this change */
    void afterApplied(Payment payment, String eventKey) {
        switch (payment.status()) {
            // A payment succeeds once, so one receipt whichever path (webhook, reconciler) saw it first.
            case SUCCEEDED -> notifier.paymentSucceeded(payment, "succeeded");
            case FAILED -> notifier.paymentFailed(payment, eventKey);
            case PARTIALLY_REFUNDED, REFUNDED -> afterRefund(payment);
            default -> {
                // pending, requires_action, processing and canceled need no email
            }
        }
    }

    /** Keyed by the refunded total, so the admin call and the webhook for one refund send one notice. */
    void afterRefund(Payment payment) {
        notifier.paymentRefunded(payment, "refunded:" + payment.refundedAmount());
    }
}
