package com.acme.payment.domain.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Payment statuses and the only transitions between them that the domain accepts. */
public enum PaymentStatus {
    PENDING("pending"),
    REQUIRES_ACTION("requires_action"),
    PROCESSING("processing"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELED("canceled"),
    PARTIALLY_REFUNDED("partially_refunded"),
    REFUNDED("refunded");

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELED),
            REQUIRES_ACTION, EnumSet.of(PROCESSING, SUCCEEDED, FAILED, CANCELED),
            PROCESSING, EnumSet.of(SUCCEEDED, FAILED, CANCELED),
            FAILED, EnumSet.of(REQUIRES_ACTION, PROCESSING, SUCCEEDED, CANCELED),
            SUCCEEDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            CANCELED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    /** The only backward moves: a refund that fails after it was made lowers the refunded total again. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> AFTER_REFUND_FAILURE = Map.of(
            REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, SUCCEEDED),
            PARTIALLY_REFUNDED, EnumSet.of(SUCCEEDED));

    private final String apiName;

    PaymentStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public boolean canMoveTo(PaymentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Where a failed refund may take a payment back to; no other event or command moves it there. */
    public boolean canMoveBackAfterRefundFailure(PaymentStatus next) {
        return AFTER_REFUND_FAILURE.getOrDefault(this, Set.of()).contains(next);
    }

    /** No transition leaves this status. */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Still waiting for the gateway to settle it; the reconciler looks at these. */
    public boolean isUnresolved() {
        return this == PENDING || this == REQUIRES_ACTION || this == PROCESSING;
    }

    public boolean isRefundable() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
    }

    public static PaymentStatus fromApiName(String apiName) {
        return Arrays.stream(values())
                .filter(status -> status.apiName.equals(apiName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment status: " + apiName));
    }
}
