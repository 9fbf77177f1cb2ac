package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.EventPayloadPurgedException;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventNotFoundException;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase.Report;
import com.acme.payment.domain.port.in.HandleGatewayEventUseCase;
import com.acme.payment.domain.port.out.GatewayEventLog;
import com.acme.payment.domain.port.out.GatewayEventSource;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GatewayEventLogServiceTest {

    @Mock
    GatewayEventLog log;
    @Mock
    GatewayEventVerifier verifier;
    @Mock
    GatewayEventSource source;
    @Mock
    HandleGatewayEventUseCase events;
    GatewayEventLogService service;

    @BeforeEach
    void setUp() {
        service = new GatewayEventLogService(log, verifier, source, events, PaymentFixtures.CLOCK);
    }

    @Test
    void since_must_be_within_the_gateway_retention_and_not_in_the_future() {
        for (Instant since : List.of(PaymentFixtures.NOW.minus(Duration.ofDays(30)).minusSeconds(1),
                PaymentFixtures.NOW.plusSeconds(1))) {
            assertThatThrownBy(() -> service.backfill(since, ChangeSource.ADMIN))
                    .isInstanceOfSatisfying(InvalidPaymentRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("since"));
        }
        verifyNoInteractions(source);
    }

    @Test
    void backfill_handles_every_listed_event_and_counts_a_failure_without_stopping() {
        Instant since = PaymentFixtures.NOW.minus(Duration.ofDays(30));
        when(source.eventsSince(since)).thenReturn(List.of("a", "b", "c", "d"));
        List.of("a", "b", "c", "d").forEach(payload -> when(verifier.trusted(payload)).thenReturn(received(payload)));
        when(events.handle(any(), eq(ChangeSource.ADMIN))).thenReturn(EventOutcome.APPLIED)
                .thenThrow(new IllegalStateException("boom")).thenReturn(EventOutcome.DUPLICATE)
                .thenReturn(EventOutcome.UNKNOWN_PAYMENT);

        Report report = service.backfill(since, ChangeSource.ADMIN);

        assertThat(report).isEqualTo(new Report(4, 1, 1, 0, 1, 1));
    }

    @Test
    void an_unknown_event_is_not_found_and_a_purged_one_cannot_be_replayed() {
        when(log.find("evt_none")).thenReturn(Optional.empty());
        when(log.find("evt_old")).thenReturn(Optional.of(new LoggedGatewayEvent("evt_old",
                "payment_intent.succeeded", null, null, PaymentFixtures.NOW, null, LoggedEventOutcome.APPLIED, null,
                null, 0)));

        assertThatThrownBy(() -> service.replay("evt_none")).isInstanceOf(GatewayEventNotFoundException.class);
        assertThatThrownBy(() -> service.replay("evt_old")).isInstanceOf(EventPayloadPurgedException.class);
        verifyNoInteractions(events);
    }

    private static ReceivedGatewayEvent received(String payload) {
        return new ReceivedGatewayEvent("payment_intent.succeeded", "2025-09-30.clover", PaymentFixtures.NOW, payload,
                new GatewayEvent("evt_" + payload, GatewayEventType.SUCCEEDED, "pi_1", PaymentFixtures.NOW, null, null,
                        null, 0, null));
    }
}
