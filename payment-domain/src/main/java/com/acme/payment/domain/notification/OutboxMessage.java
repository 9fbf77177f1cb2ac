package com.acme.payment.domain.notification;

/** A queued notification claimed for sending; {@code attempts} counts this attempt too. */
public record OutboxMessage(long id, Notification notification, int attempts) {
}
