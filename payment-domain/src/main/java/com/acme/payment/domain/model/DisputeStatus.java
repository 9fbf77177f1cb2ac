package com.acme.payment.domain.model;

import java.util.Arrays;
import java.util.Locale;

/** Stripe's dispute statuses. Won, lost and warning_closed are final: nothing Stripe reports later reopens them. */
public enum DisputeStatus {
    WARNING_NEEDS_RESPONSE(Stage.NEEDS_RESPONSE),
    WARNING_UNDER_REVIEW(Stage.UNDER_REVIEW),
    WARNING_CLOSED(Stage.CLOSED),
    NEEDS_RESPONSE(Stage.NEEDS_RESPONSE),
    UNDER_REVIEW(Stage.UNDER_REVIEW),
    WON(Stage.CLOSED),
    LOST(Stage.CLOSED);

    /** How far a dispute has gone; a dispute only moves forward through these. */
    private enum Stage { NEEDS_RESPONSE, UNDER_REVIEW, CLOSED }

    private final Stage stage;

    DisputeStatus(Stage stage) {
        this.stage = stage;
    }

    /** Stripe's spelling, also the API's. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DisputeStatus fromApiName(String name) {
        return Arrays.stream(values()).filter(status -> status.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dispute status: " + name));
    }

    public boolean isFinal() {
        return stage == Stage.CLOSED;
    }

    public boolean needsResponse() {
        return stage == Stage.NEEDS_RESPONSE;
    }

    /** Whether a state Stripe reported with this status may come after one with {@code other}. */
    boolean isAtLeastAsFarAs(DisputeStatus other) {
        return stage.compareTo(other.stage) >= 0;
    }
}
