package com.acme.payment.domain.notification;

/** The emails the service sends. */
public enum NotificationKind {
    RECEIPT, FAILURE_NOTICE, REFUND_NOTICE, DISPUTE_NOTICE, DISPUTE_REMINDER, DISPUTE_CLOSED, REFUND_FAILED_NOTICE
}
