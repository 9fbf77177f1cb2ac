package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.NotificationSender;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class DispatchNotificationsServiceTest {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    @Mock
    NotificationOutbox outbox;
    @Mock
    NotificationSender sender;
    DispatchNotificationsService service;

    @BeforeEach
    void setUp() {
        service = new DispatchNotificationsService(outbox, sender, PaymentFixtures.CLOCK, 10, 5, FIRST_BACKOFF,
                Duration.ofMinutes(2));
    }

    @Test
    void sent_messages_are_marked_sent() {
        OutboxMessage message = message(1, 1);
        when(outbox.claimDue(PaymentFixtures.NOW, 10, Duration.ofMinutes(2))).thenReturn(List.of(message));

        assertThat(service.dispatchDue()).isEqualTo(1);
        verify(sender).send(message);
        verify(outbox).markSent(1, PaymentFixtures.NOW);
    }

    @Test
    void a_failed_send_is_retried_later_with_exponential_backoff() {
        OutboxMessage third = message(7, 3);
        when(outbox.claimDue(any(), any(Integer.class), any())).thenReturn(List.of(third));
        doThrow(new IllegalStateException("smtp down")).when(sender).send(third);

        assertThat(service.dispatchDue()).isZero();
        verify(outbox).markFailed(eq(7L), contains("smtp down"), eq(PaymentFixtures.NOW.plus(Duration.ofMinutes(2))));
        verify(outbox, never()).markSent(anyLong(), any());
    }

    @Test
    void after_the_last_attempt_the_message_is_dead_with_its_error() {
        OutboxMessage last = message(9, 5);
        when(outbox.claimDue(any(), any(Integer.class), any())).thenReturn(List.of(last));
        doThrow(new IllegalStateException("mailbox unavailable")).when(sender).send(last);

        service.dispatchDue();

        verify(outbox).markDead(eq(9L), contains("mailbox unavailable"));
        verify(outbox, never()).markFailed(anyLong(), anyString(), any());
    }

    @Test
    void backoff_doubles_and_is_capped() {
        assertThat(service.backoff(1)).isEqualTo(FIRST_BACKOFF);
        assertThat(service.backoff(2)).isEqualTo(FIRST_BACKOFF.multipliedBy(2));
        assertThat(service.backoff(4)).isEqualTo(FIRST_BACKOFF.multipliedBy(8));
        assertThat(service.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    private static OutboxMessage message(long id, int attempts) {
        return new OutboxMessage(id, new Notification(PaymentId.random(), NotificationKind.RECEIPT, "succeeded",
                "ada@example.com", Map.of("amount", "$12.50")), attempts);
    }
}
