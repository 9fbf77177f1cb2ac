package com.acme.payment.domain.notification;

/** The emails the service sends. */
public enum NotificationKind {
    RECEIPT, FAILURE_NOTICE, REFUND_NOTICE, DISPUTE_NOTICE, REFUND_FAILED_NOTICE
}
