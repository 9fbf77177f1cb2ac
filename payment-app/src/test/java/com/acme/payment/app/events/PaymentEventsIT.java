package com.acme.payment.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.in.CancelPaymentUseCase;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The post-commit seam with the app's real transactions and database: what commits is heard once, what rolls back never. */
class PaymentEventsIT extends AbstractAppIT {

    @TestConfiguration
    static class Recording {

        @Bean
        List<PaymentChanged> heard() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        PaymentChangeListener recorder(List<PaymentChanged> heard) {
            return heard::add;
        }
    }

    @Autowired
    List<PaymentChanged> heard;
    @Autowired
    TransactionRunner transactions;
    @Autowired
    PaymentRepository repository;
    @Autowired
    CancelPaymentUseCase cancel;

    @Test
    void aChangeWhoseTransactionRollsBackIsNeverAnnounced() {
        Payment payment = storedPendingPayment();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            cancel.cancel(payment.id().value(), "it-operator");
            throw new IllegalStateException("the use case failed after storing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findById(payment.id())).get().extracting(Payment::status, Payment::version)
                .containsExactly(PaymentStatus.PENDING, 0L);
        assertThat(heardAbout(payment)).isEmpty();
    }

    @Test
    void aCommittedChangeIsAnnouncedOnceWithTheVersionItWasStoredAt() {
        Payment payment = storedPendingPayment();

        cancel.cancel(payment.id().value(), "it-operator");

        assertThat(heardAbout(payment)).singleElement().satisfies(change -> {
            assertThat(change.version()).isEqualTo(1);
            assertThat(change.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(change.created()).isFalse();
            assertThat(change.changes()).extracting(StatusChange::from, StatusChange::to)
                    .containsExactly(tuple(PaymentStatus.PENDING, PaymentStatus.CANCELED));
        });
    }

    /** Stored straight through the repository, so nothing is announced for it. */
    private Payment storedPendingPayment() {
        Payment payment = Payment.start(PaymentId.random(), new Customer("Ada Lovelace", "ada@example.com"),
                "pon-ftth", Money.charge(1250, "USD"), "sandbox", null, null, Map.of(), Instant.now());
        transactions.inTransaction(() -> {
            repository.insert(payment);
            return null;
        });
        return payment;
    }

    private List<PaymentChanged> heardAbout(Payment payment) {
        return heard.stream().filter(change -> change.id().equals(payment.id())).toList();
    }
}
