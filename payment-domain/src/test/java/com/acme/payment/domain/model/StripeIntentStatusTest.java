package com.acme.payment.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StripeIntentStatusTest {

    @ParameterizedTest(name = "{0}, attempt failed {1}, {2} of 1250 refunded -> {3}")
    @CsvSource({
            "requires_payment_method, false, 0, PENDING",
            "requires_payment_method, true, 0, FAILED",
            "requires_confirmation, false, 0, PENDING",
            "requires_action, false, 0, REQUIRES_ACTION",
            "processing, false, 0, PROCESSING",
            "requires_capture, false, 0, PROCESSING",
            "canceled, false, 0, CANCELED",
            "succeeded, false, 0, SUCCEEDED",
            "succeeded, false, 500, PARTIALLY_REFUNDED",
            "succeeded, false, 1250, REFUNDED"})
    void mapsEachOfStripesIntentStatusesToAPaymentStatus(String stripeName, boolean attemptFailed, long refundedTotal,
                                                        PaymentStatus expected) {
        StripeIntentStatus status = StripeIntentStatus.fromStripeName(stripeName).orElseThrow();

        assertThat(status.paymentStatus(attemptFailed, 1250, refundedTotal)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(StripeIntentStatus.class)
    void readsBackTheNameItWrites(StripeIntentStatus status) {
        assertThat(StripeIntentStatus.fromStripeName(status.stripeName())).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUCCEEDED", "requires-action", "refunded", ""})
    void knowsNoOtherName(String stripeName) {
        assertThat(StripeIntentStatus.fromStripeName(stripeName)).isEmpty();
    }
}
