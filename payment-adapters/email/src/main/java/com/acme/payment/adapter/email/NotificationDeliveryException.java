package com.acme.payment.adapter.email;

/** An email could not be built or delivered; the dispatcher records it and retries later. */
public class NotificationDeliveryException extends RuntimeException {

    public NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
