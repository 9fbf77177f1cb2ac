package com.acme.payment.domain.model;

import static com.acme.payment.domain.model.PaymentStatus.CANCELED;
import static com.acme.payment.domain.model.PaymentStatus.FAILED;
import static com.acme.payment.domain.model.PaymentStatus.PARTIALLY_REFUNDED;
import static com.acme.payment.domain.model.PaymentStatus.PENDING;
import static com.acme.payment.domain.model.PaymentStatus.PROCESSING;
import static com.acme.payment.domain.model.PaymentStatus.REFUNDED;
import static com.acme.payment.domain.model.PaymentStatus.REQUIRES_ACTION;
import static com.acme.payment.domain.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.testing.PaymentFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every from × to pair of the state machine against the README's transition table. */
class PaymentStatusTransitionTest {

    /** The README's transitions, written out independently of the production table. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> DESIGNED = Map.of(
            PENDING, Set.of(REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELED),
            REQUIRES_ACTION, Set.of(PROCESSING, SUCCEEDED, FAILED, CANCELED),
            PROCESSING, Set.of(SUCCEEDED, FAILED, CANCELED),
            FAILED, Set.of(REQUIRES_ACTION, PROCESSING, SUCCEEDED, CANCELED),
            SUCCEEDED, Set.of(PARTIALLY_REFUNDED, REFUNDED),
            PARTIALLY_REFUNDED, Set.of(PARTIALLY_REFUNDED, REFUNDED),
            CANCELED, Set.of(),
            REFUNDED, Set.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(PaymentStatus.values()).flatMap(from -> Arrays.stream(PaymentStatus.values())
                .map(to -> Arguments.of(from, to, DESIGNED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void state_machine_allows_exactly_the_designed_transitions(PaymentStatus from, PaymentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    /** Every pair except those ending in pending, which no gateway event asks for. */
    static Stream<Arguments> everyPairWithAnEvent() {
        return everyPair().filter(pair -> pair.get()[1] != PENDING);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPairWithAnEvent")
    void gateway_event_changes_the_payment_only_when_the_transition_is_allowed(PaymentStatus from, PaymentStatus to,
                                                                                boolean allowed) {
        Payment payment = paymentIn(from);
        GatewayEvent event = eventMovingTo(payment, to);

        EventOutcome outcome = payment.apply(event, ChangeSource.WEBHOOK, PaymentFixtures.NOW);

        StatusChange recorded = payment.unsavedChanges().get(payment.unsavedChanges().size() - 1);
        assertThat(recorded.from()).isEqualTo(from);
        assertThat(recorded.to()).isEqualTo(to);
        assertThat(recorded.gatewayEventId()).isEqualTo(event.eventId());
        if (allowed) {
            assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
            assertThat(payment.status()).isEqualTo(to);
            assertThat(recorded.applied()).isTrue();
        } else {
            assertThat(outcome).isEqualTo(EventOutcome.STALE);
            assertThat(payment.status()).isEqualTo(from);
            assertThat(recorded.applied()).isFalse();
        }
    }

    @ParameterizedTest(name = "cancel from {0}")
    @MethodSource("statuses")
    void admin_cancel_is_refused_where_the_state_machine_forbids_it(PaymentStatus from) {
        Payment payment = paymentIn(from);
        if (DESIGNED.get(from).contains(CANCELED)) {
            payment.cancel(ChangeSource.ADMIN, null, null, PaymentFixtures.NOW);
            assertThat(payment.status()).isEqualTo(CANCELED);
        } else {
            assertThatThrownBy(() -> payment.cancel(ChangeSource.ADMIN, null, null, PaymentFixtures.NOW))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(payment.status()).isEqualTo(from);
        }
    }

    static List<PaymentStatus> statuses() {
        return List.of(PaymentStatus.values());
    }

    @ParameterizedTest(name = "{0} is final: {1}")
    @MethodSource("finality")
    void only_canceled_and_refunded_are_final(PaymentStatus status, boolean isFinal) {
        assertThat(status.isFinal()).isEqualTo(isFinal);
    }

    static Stream<Arguments> finality() {
        return Arrays.stream(PaymentStatus.values()).map(s -> Arguments.of(s, s == CANCELED || s == REFUNDED));
    }

    /** A stored payment of 12.50 USD in the given status; refunded statuses carry a matching refunded amount. */
    static Payment paymentIn(PaymentStatus status) {
        PaymentSnapshot base = PaymentFixtures.pendingPaymentAtGateway().snapshot();
        long refunded = switch (status) {
            case PARTIALLY_REFUNDED -> 250;
            case REFUNDED -> 1250;
            default -> 0;
        };
        return Payment.reconstitute(new PaymentSnapshot(base.id(), base.customerName(), base.customerEmail(),
                base.serviceType(), base.amount(), base.currency(), status, base.gateway(), base.gatewayReference(),
                null, null, null, refunded, 0, base.metadata(), null, null, 3, base.createdAt(), base.updatedAt()));
    }

    /** The gateway event that asks for {@code target}; refunds ask with a total that leads there. */
    private static GatewayEvent eventMovingTo(Payment payment, PaymentStatus target) {
        String reference = payment.gatewayReference();
        return switch (target) {
            case PENDING -> throw new IllegalArgumentException("no event moves a payment back to pending");
            case REQUIRES_ACTION -> PaymentFixtures.event(GatewayEventType.REQUIRES_ACTION, reference);
            case PROCESSING -> PaymentFixtures.event(GatewayEventType.PROCESSING, reference);
            case SUCCEEDED -> PaymentFixtures.event(GatewayEventType.SUCCEEDED, reference);
            case FAILED -> PaymentFixtures.event(GatewayEventType.PAYMENT_FAILED, reference);
            case CANCELED -> PaymentFixtures.event(GatewayEventType.CANCELED, reference);
            case PARTIALLY_REFUNDED -> PaymentFixtures.refundEvent(reference,
                    Math.min(payment.refundedAmount() + 100, payment.amount().minorUnits() - 1));
            case REFUNDED -> PaymentFixtures.refundEvent(reference, payment.amount().minorUnits());
        };
    }
}
