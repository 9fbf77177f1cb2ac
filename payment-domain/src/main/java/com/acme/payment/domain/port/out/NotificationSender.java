package com.acme.payment.domain.port.out;

import com.acme.payment.domain.notification.OutboxMessage;

/** Delivers one notification (SMTP, or a file). Throws when it could not. */
public interface NotificationSender {

    void send(OutboxMessage message);
}
