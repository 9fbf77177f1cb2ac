package com.acme.payment.domain.notification;

import com.acme.payment.domain.model.PaymentId;
import java.util.Map;
import java.util.Objects;

/**
 * An email to send, with everything its template needs captured when the payment changed.
 * (payment, kind, eventKey) is unique: the same notice is never queued twice.
 */
public record Notification(
        PaymentId paymentId,
        NotificationKind kind,
        String eventKey,
        String recipient,
        Map<String, String> data) {

    public Notification {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(recipient, "recipient");
        data = Map.copyOf(data);
    }
}
