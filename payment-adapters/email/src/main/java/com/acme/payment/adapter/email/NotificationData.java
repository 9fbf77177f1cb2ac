package com.acme.payment.adapter.email;

/**
 * The keys of {@code Notification.data()}: what {@link OutboxPaymentNotifier} captures and the templates under
 * {@code mail-templates/} read. They are stored in the outbox, so renaming one strands queued messages.
 */
final class NotificationData {

    static final String CUSTOMER_NAME = "customerName";
    static final String CUSTOMER_EMAIL = "customerEmail";
    static final String SERVICE = "service";
    static final String AMOUNT = "amount";
    static final String PAYMENT_ID = "paymentId";
    static final String TRANSACTION_ID = "transactionId";
    static final String GATEWAY_REFERENCE = "gatewayReference";
    static final String DATE = "date";
    static final String FAILURE_REASON = "failureReason";
    static final String RETRY_URL = "retryUrl";
    static final String REFUNDED_AMOUNT = "refundedAmount";
    /** {@link #FULL_REFUND} or {@link #PARTIAL_REFUND}. */
    static final String REFUND_SCOPE = "refundScope";
    // "disputeDetail" is no longer written; dispute-notice still shows it for notices queued before.
    static final String DISPUTE_ID = "disputeId";
    static final String DISPUTE_AMOUNT = "disputeAmount";
    static final String DISPUTE_REASON = "disputeReason";
    static final String EVIDENCE_DUE_BY = "evidenceDueBy";
    /** "won" or "lost". */
    static final String DISPUTE_OUTCOME = "disputeOutcome";
    static final String GATEWAY_REFUND_ID = "gatewayRefundId";
    static final String FAILED_REFUND_AMOUNT = "failedRefundAmount";

    static final String FULL_REFUND = "full";
    static final String PARTIAL_REFUND = "partial";

    private NotificationData() {
    }
}
