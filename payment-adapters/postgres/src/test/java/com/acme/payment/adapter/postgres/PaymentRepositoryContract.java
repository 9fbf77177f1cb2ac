package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.loggedEvent;
import static com.acme.payment.domain.testing.PaymentFixtures.event;
import static com.acme.payment.domain.testing.PaymentFixtures.newEventId;
import static com.acme.payment.domain.testing.PaymentFixtures.newIntentReference;
import static com.acme.payment.domain.testing.PaymentFixtures.refundEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentFilter;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatistics.CurrencyRevenue;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of payments must do, whatever stores it: the aggregate ({@link PaymentRepository}), its refunds
 * ({@link RefundLedger}), the gateway events handled ({@link GatewayEventLedger}) and the read side
 * ({@link PaymentQueries}), which must see what the others wrote. Each implementation gets a subclass that says how
 * to build them and how to empty them; the app's test-jar consumers can reuse it for their own stores.
 */
public abstract class PaymentRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    protected abstract PaymentRepository payments();

    protected abstract RefundLedger refunds();

    protected abstract GatewayEventLedger gatewayEvents();

    protected abstract PaymentQueries queries();

    /** Removes every payment, so each test sees only its own. */
    protected abstract void deleteAll();

    @BeforeEach
    void startFromAnEmptyStore() {
        deleteAll();
    }

    @Test
    void storesAndReadsBackEveryField() {
        PaymentSnapshot written = new PaymentSnapshot(PaymentId.random(), "Zoë Ångström 山田", "zoe@example.com",
                "microwave", 123_450, "EUR", PaymentStatus.PARTIALLY_REFUNDED, "stripe", newIntentReference(),
                "ch_3Nq", "card_declined", "Your card was declined.", 20_000, 3_000,
                Map.of("order", "A-17", "note", "naïve ☃ 山田", "empty", ""), "idem-" + UUID.randomUUID(),
                "5f2b9c", 0, Instant.parse("2026-03-01T08:00:00.123456Z"), Instant.parse("2026-03-02T09:30:00.654321Z"));

        payments().insert(Payment.reconstitute(written));

        assertThat(payments().findById(written.id())).get().extracting(Payment::snapshot).isEqualTo(written);
    }

    @Test
    void storesAHostedPaymentsCheckoutSessionAndTheSessionThatReplacesIt() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);
        payment.attachCheckoutSession("cs_test_first", T0);
        payments().insert(payment);

        Payment stored = payments().findById(payment.id()).orElseThrow();
        stored.attachCheckoutSession("cs_test_second", T0.plusSeconds(60));
        payments().update(stored);

        assertThat(payments().findById(payment.id())).get().extracting(Payment::checkoutSessionId)
                .isEqualTo("cs_test_second");
    }

    @Test
    void readsTheStatusViewOfAPaymentAndItsVersionAfterEachChange() {
        PaymentSnapshot written = new PaymentSnapshot(PaymentId.random(), "Zoë Ångström", "zoe@example.com",
                "microwave", 123_450, "EUR", PaymentStatus.PARTIALLY_REFUNDED, "stripe", newIntentReference(),
                "ch_3Nq", "card_declined", "Your card was declined.", 20_000, 3_000, Map.of(), null, "5f2b9c", 0,
                Instant.parse("2026-03-01T08:00:00.123456Z"), Instant.parse("2026-03-02T09:30:00.654321Z"));
        payments().insert(Payment.reconstitute(written));

        assertThat(queries().findStatus(written.id())).contains(new PaymentStatusView(written.id(),
                PaymentStatus.PARTIALLY_REFUNDED, 123_450, "EUR", "microwave", "ch_3Nq", "Your card was declined.",
                20_000, Instant.parse("2026-03-02T09:30:00.654321Z"), 0));

        Payment pending = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);
        payments().insert(pending);
        pending.cancel(ChangeSource.ADMIN, null, "canceled by an admin", T0.plusSeconds(60));
        payments().update(pending);
        assertThat(queries().findStatus(pending.id())).get()
                .extracting(PaymentStatusView::status, PaymentStatusView::version)
                .containsExactly(PaymentStatus.CANCELED, 1L);
        assertThat(queries().findStatus(PaymentId.random())).isEmpty();
    }

    @Test
    void readsBackAPaymentWhoseOptionalFieldsAreEmpty() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);

        payments().insert(payment);

        PaymentSnapshot found = payments().findById(payment.id()).orElseThrow().snapshot();
        assertThat(found).isEqualTo(payment.snapshot());
        assertThat(found.gatewayReference()).isNull();
        assertThat(found.idempotencyKey()).isNull();
        assertThat(found.metadata()).isEmpty();
    }

    @Test
    void aNewPaymentIsStoredAtVersionZeroWithItsCreationInTheHistory() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);

        payments().insert(payment);

        assertThat(payment.version()).isZero();
        assertThat(payment.unsavedChanges()).isEmpty();
        assertThat(history(payment.id()))
                .containsExactly(new StatusChange(null, PaymentStatus.PENDING, ChangeSource.API, null, true,
                        "payment created", T0));
    }

    @Test
    void findsAPaymentByItsGatewayReferenceAndByItsIdempotencyKey() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0, "key-" + UUID.randomUUID());
        String reference = newIntentReference();
        payment.attachGatewayReference(reference, T0);
        payments().insert(payment);
        payments().insert(newPayment("other@example.com", Money.charge(1250, "USD"), T0));

        assertThat(payments().findByGatewayReference(reference)).get().extracting(Payment::id).isEqualTo(payment.id());
        assertThat(payments().findByIdempotencyKey(payment.snapshot().idempotencyKey())).get().extracting(Payment::id)
                .isEqualTo(payment.id());
    }

    @Test
    void findsNothingForUnknownIdsReferencesAndKeys() {
        payments().insert(newPayment("ada@example.com", Money.charge(1250, "USD"), T0, "known-key"));

        assertThat(payments().findById(PaymentId.random())).isEmpty();
        assertThat(payments().findByGatewayReference(newIntentReference())).isEmpty();
        assertThat(payments().findByIdempotencyKey("unknown-key")).isEmpty();
    }

    @Test
    void refusesASecondPaymentWithTheSameIdempotencyKey() {
        Payment first = newPayment("ada@example.com", Money.charge(1250, "USD"), T0, "same-key");
        Payment second = newPayment("ada@example.com", Money.charge(1250, "USD"), T0, "same-key");
        payments().insert(first);

        assertThatThrownBy(() -> payments().insert(second)).isInstanceOf(DuplicateIdempotencyKeyException.class)
                .hasMessageContaining("same-key");
        assertThat(payments().findByIdempotencyKey("same-key")).get().extracting(Payment::id).isEqualTo(first.id());
        assertThat(payments().findById(second.id())).isEmpty();
    }

    @Test
    void paymentsWithoutAnIdempotencyKeyNeverConflict() {
        payments().insert(newPayment("ada@example.com", Money.charge(1250, "USD"), T0));
        payments().insert(newPayment("ada@example.com", Money.charge(1250, "USD"), T0));

        assertThat(search(null, null, null, null, 0, 10).totalItems()).isEqualTo(2);
    }

    @Test
    void updateStoresTheChangesAndMovesToTheNextVersion() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);
        payments().insert(payment);
        payment.attachGatewayReference(newIntentReference(), T0.plusSeconds(1));
        payment.apply(event(GatewayEventType.SUCCEEDED, payment.gatewayReference()), ChangeSource.WEBHOOK,
                T0.plusSeconds(2));

        payments().update(payment);

        assertThat(payment.version()).isEqualTo(1);
        assertThat(payment.unsavedChanges()).isEmpty();
        Payment found = payments().findById(payment.id()).orElseThrow();
        assertThat(found.snapshot()).isEqualTo(payment.snapshot());
        assertThat(found.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(found.transactionId()).isEqualTo("ch_test");
        assertThat(found.snapshot().updatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void updateOfAStaleCopyIsRefusedAndChangesNothing() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);
        payment.attachGatewayReference(newIntentReference(), T0);
        payments().insert(payment);
        Payment first = payments().findById(payment.id()).orElseThrow();
        Payment second = payments().findById(payment.id()).orElseThrow();
        first.apply(event(GatewayEventType.SUCCEEDED, payment.gatewayReference()), ChangeSource.WEBHOOK, T0);
        payments().update(first);

        second.cancel(ChangeSource.ADMIN, null, "changed my mind", T0);

        assertThatThrownBy(() -> payments().update(second)).isInstanceOf(StalePaymentException.class);
        assertThat(payments().findById(payment.id())).get().extracting(Payment::status, Payment::version)
                .containsExactly(PaymentStatus.SUCCEEDED, 1L);
        assertThat(history(payment.id())).extracting(StatusChange::to)
                .containsExactly(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }

    @Test
    void updateOfAPaymentThatWasNeverStoredIsRefused() {
        Payment neverStored = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);

        assertThatThrownBy(() -> payments().update(neverStored)).isInstanceOf(StalePaymentException.class);
    }

    @Test
    void historyListsEveryChangeOldestFirstIncludingEventsThatWereNotApplied() {
        Payment payment = newPayment("ada@example.com", Money.charge(1250, "USD"), T0);
        payment.attachGatewayReference(newIntentReference(), T0);
        payments().insert(payment);
        GatewayEvent processing = event(GatewayEventType.PROCESSING, payment.gatewayReference());
        GatewayEvent succeeded = event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        payment.apply(processing, ChangeSource.WEBHOOK, T0.plusSeconds(1));
        payment.apply(succeeded, ChangeSource.WEBHOOK, T0.plusSeconds(2));
        payments().update(payment);
        GatewayEvent lateProcessing = event(GatewayEventType.PROCESSING, payment.gatewayReference());
        payment.apply(lateProcessing, ChangeSource.WEBHOOK, T0.plusSeconds(3));
        payments().update(payment);

        assertThat(history(payment.id()))
                .extracting(StatusChange::from, StatusChange::to, StatusChange::source, StatusChange::gatewayEventId,
                        StatusChange::applied, StatusChange::occurredAt)
                .containsExactly(
                        tuple(null, PaymentStatus.PENDING, ChangeSource.API, null, true, T0),
                        tuple(PaymentStatus.PENDING, PaymentStatus.PROCESSING, ChangeSource.WEBHOOK,
                                processing.eventId(), true, T0.plusSeconds(1)),
                        tuple(PaymentStatus.PROCESSING, PaymentStatus.SUCCEEDED, ChangeSource.WEBHOOK,
                                succeeded.eventId(), true, T0.plusSeconds(2)),
                        tuple(PaymentStatus.SUCCEEDED, PaymentStatus.PROCESSING, ChangeSource.WEBHOOK,
                                lateProcessing.eventId(), false, T0.plusSeconds(3)));
    }

    @Test
    void findsNoDetailsOfAnUnknownPayment() {
        assertThat(queries().findDetails(PaymentId.random())).isEmpty();
    }

    @Test
    void recordsEachGatewayEventIdOnce() {
        String eventId = newEventId();

        assertThat(gatewayEvents().record(loggedEvent(eventId, null, LoggedEventOutcome.APPLIED, T0))).isTrue();
        assertThat(gatewayEvents().record(loggedEvent(eventId, null, LoggedEventOutcome.APPLIED, T0.plusSeconds(5)))).isFalse();
        assertThat(gatewayEvents().record(loggedEvent(newEventId(), null, LoggedEventOutcome.APPLIED, T0))).isTrue();
    }

    @Test
    void storesRefundsAndListsThemOldestFirst() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "USD"), T0);
        Refund later = new Refund(Refund.newId(), payment.id(), 1000, Refund.Status.PENDING, "second", "key-2", null,
                T0.plusSeconds(20));
        Refund earlier = new Refund(Refund.newId(), payment.id(), 500, Refund.Status.SUCCEEDED, "Zoë's réclamation",
                "key-1", "re_1", T0.plusSeconds(10));
        refunds().insertRefund(later);
        refunds().insertRefund(earlier);

        assertThat(refundsOf(payment.id())).containsExactly(earlier, later);
    }

    @Test
    void findsARefundByItsIdempotencyKeyOnItsOwnPaymentOnly() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "USD"), T0);
        Payment other = storedWithStatus(PaymentStatus.SUCCEEDED, "bob@example.com", Money.charge(5000, "USD"), T0);
        Refund refund = new Refund(Refund.newId(), payment.id(), 1000, Refund.Status.PENDING, null, "refund-key",
                null, T0);
        refunds().insertRefund(refund);

        assertThat(refunds().findRefundByIdempotencyKey(payment.id(), "refund-key")).contains(refund);
        assertThat(refunds().findRefundByIdempotencyKey(other.id(), "refund-key")).isEmpty();
        assertThat(refunds().findRefundByIdempotencyKey(payment.id(), "other-key")).isEmpty();
    }

    @Test
    void refusesASecondRefundWithTheSameIdempotencyKeyOnOnePayment() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "USD"), T0);
        Payment other = storedWithStatus(PaymentStatus.SUCCEEDED, "bob@example.com", Money.charge(5000, "USD"), T0);
        refunds().insertRefund(new Refund(Refund.newId(), payment.id(), 1000, Refund.Status.PENDING, null,
                "refund-key", null, T0));

        assertThatThrownBy(() -> refunds().insertRefund(new Refund(Refund.newId(), payment.id(), 2000,
                Refund.Status.PENDING, null, "refund-key", null, T0)))
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
        refunds().insertRefund(new Refund(Refund.newId(), other.id(), 2000, Refund.Status.PENDING, null,
                "refund-key", null, T0));
        assertThat(refundsOf(payment.id())).extracting(Refund::amount).containsExactly(1000L);
    }

    @Test
    void refundsWithoutAnIdempotencyKeyNeverConflict() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "USD"), T0);

        refunds().insertRefund(new Refund(Refund.newId(), payment.id(), 100, Refund.Status.PENDING, null, null,
                null, T0));
        refunds().insertRefund(new Refund(Refund.newId(), payment.id(), 200, Refund.Status.PENDING, null, null,
                null, T0.plusSeconds(1)));

        assertThat(refundsOf(payment.id())).extracting(Refund::amount).containsExactly(100L, 200L);
    }

    @Test
    void updateRefundStoresItsOutcome() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "USD"), T0);
        Refund succeeding = new Refund(Refund.newId(), payment.id(), 1000, Refund.Status.PENDING, "ok", "k1", null, T0);
        Refund failing = new Refund(Refund.newId(), payment.id(), 2000, Refund.Status.PENDING, "no", "k2", null,
                T0.plusSeconds(1));
        refunds().insertRefund(succeeding);
        refunds().insertRefund(failing);

        refunds().updateRefund(succeeding.succeeded("re_123"));
        refunds().updateRefund(failing.failedAtGateway("re_456", "expired_or_canceled_card"));

        assertThat(refundsOf(payment.id()))
                .containsExactly(succeeding.succeeded("re_123"),
                        failing.failedAtGateway("re_456", "expired_or_canceled_card"));
    }

    @Test
    void findsUnresolvedPaymentsNotChangedSinceTheCutoffOldestFirst() {
        Instant cutoff = T0.plus(Duration.ofHours(1));
        Payment processing = storedWithStatus(PaymentStatus.PROCESSING, "a@example.com", usd(), T0.plusSeconds(30));
        Payment pending = storedWithStatus(PaymentStatus.PENDING, "b@example.com", usd(), T0.plusSeconds(10));
        Payment requiresAction = storedWithStatus(PaymentStatus.REQUIRES_ACTION, "c@example.com", usd(),
                T0.plusSeconds(20));
        storedWithStatus(PaymentStatus.PENDING, "recent@example.com", usd(), cutoff);
        for (PaymentStatus resolved : List.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.CANCELED,
                PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)) {
            storedWithStatus(resolved, "resolved@example.com", usd(), T0);
        }

        assertThat(payments().findUnresolved(cutoff, 10)).extracting(Payment::id)
                .containsExactly(pending.id(), requiresAction.id(), processing.id());
        assertThat(payments().findUnresolved(cutoff, 2)).extracting(Payment::id)
                .containsExactly(pending.id(), requiresAction.id());
    }

    @Test
    void searchListsNewestFirstPageByPageWithTheTotal() {
        List<PaymentId> oldestFirst = IntStream.range(0, 5)
                .mapToObj(i -> stored(newPayment("p" + i + "@example.com", usd(), T0.plusSeconds(i))).id())
                .toList();

        PaymentPage first = search(null, null, null, null, 0, 2);
        PaymentPage last = search(null, null, null, null, 2, 2);

        assertThat(first.items()).extracting(Payment::id).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(search(null, null, null, null, 1, 2).items()).extracting(Payment::id)
                .containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(last.items()).extracting(Payment::id).containsExactly(oldestFirst.get(0));
        assertThat(search(null, null, null, null, 3, 2).items()).isEmpty();
    }

    @Test
    void searchFiltersByStatus() {
        Payment succeeded = storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", usd(), T0);
        storedWithStatus(PaymentStatus.FAILED, "b@example.com", usd(), T0);
        storedWithStatus(PaymentStatus.PENDING, "c@example.com", usd(), T0);

        PaymentPage page = search(PaymentStatus.SUCCEEDED, null, null, null, 0, 10);

        assertThat(page.items()).extracting(Payment::id).containsExactly(succeeded.id());
        assertThat(page.totalItems()).isEqualTo(1);
    }

    @Test
    void searchMatchesTheWholeEmailIgnoringCase() {
        Payment grace = stored(newPayment("Grace.Hopper@Example.com", usd(), T0));
        stored(newPayment("grace.hopper@example.com.au", usd(), T0));
        stored(newPayment("hopper@example.com", usd(), T0));

        assertThat(search(null, "GRACE.HOPPER@example.COM", null, null, 0, 10).items()).extracting(Payment::id)
                .containsExactly(grace.id());
        assertThat(search(null, "grace", null, null, 0, 10).items()).isEmpty();
    }

    @Test
    void searchIncludesTheStartOfTheRangeAndExcludesItsEnd() {
        stored(newPayment("a@example.com", usd(), T0.minusMillis(1)));
        Payment atStart = stored(newPayment("a@example.com", usd(), T0));
        Payment inside = stored(newPayment("a@example.com", usd(), T0.plusSeconds(59)));
        stored(newPayment("a@example.com", usd(), T0.plusSeconds(60)));

        assertThat(search(null, null, T0, T0.plusSeconds(60), 0, 10).items()).extracting(Payment::id)
                .containsExactly(inside.id(), atStart.id());
        assertThat(search(null, null, T0.plusSeconds(59), null, 0, 10).totalItems()).isEqualTo(2);
        assertThat(search(null, null, null, T0, 0, 10).totalItems()).isEqualTo(1);
    }

    @Test
    void searchCombinesItsFilters() {
        Payment match = storedWithStatus(PaymentStatus.FAILED, "ada@example.com", usd(), T0.plusSeconds(5));
        storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", usd(), T0.plusSeconds(5));
        storedWithStatus(PaymentStatus.FAILED, "bob@example.com", usd(), T0.plusSeconds(5));
        storedWithStatus(PaymentStatus.FAILED, "ada@example.com", usd(), T0.plusSeconds(500));

        PaymentPage page = search(PaymentStatus.FAILED, "ada@example.com", T0, T0.plusSeconds(60), 0, 10);

        assertThat(page.items()).extracting(Payment::id).containsExactly(match.id());
        assertThat(page.totalItems()).isEqualTo(1);
    }

    @Test
    void statisticsCountEveryStatusAndSumCapturedMoneyPerCurrency() {
        for (PaymentStatus status : PaymentStatus.values()) {
            storedWithStatus(status, "ada@example.com", Money.charge(1250, "USD"), T0);
        }
        storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", Money.charge(5000, "JPY"), T0);

        PaymentStatistics statistics = queries().statistics(null, null);

        assertThat(statistics.countsByStatus()).hasSize(8).containsEntry(PaymentStatus.SUCCEEDED, 2L);
        Arrays.stream(PaymentStatus.values()).filter(status -> status != PaymentStatus.SUCCEEDED)
                .forEach(status -> assertThat(statistics.countsByStatus()).containsEntry(status, 1L));
        // USD: succeeded, partially refunded (half) and refunded (all) were captured; pending, failed... were not.
        assertThat(statistics.revenue()).containsExactly(
                new CurrencyRevenue("JPY", 5000, 0, 0),
                new CurrencyRevenue("USD", 3 * 1250, 625 + 1250, 0));
        assertThat(statistics.revenue().get(1).netAmount()).isEqualTo(1875);
    }

    @Test
    void statisticsOfNoPaymentsCountZeroForEveryStatus() {
        PaymentStatistics statistics = queries().statistics(null, null);

        assertThat(statistics.countsByStatus()).hasSize(8).allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(statistics.revenue()).isEmpty();
    }

    @Test
    void statisticsOnlyCountPaymentsCreatedInTheRange() {
        storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", Money.charge(1000, "USD"), T0.minusSeconds(1));
        storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", Money.charge(2000, "USD"), T0);
        storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", Money.charge(4000, "USD"), T0.plusSeconds(60));

        PaymentStatistics inRange = queries().statistics(T0, T0.plusSeconds(60));
        PaymentStatistics upToEnd = queries().statistics(null, T0.plusSeconds(60));

        assertThat(inRange.countsByStatus()).containsEntry(PaymentStatus.SUCCEEDED, 1L);
        assertThat(inRange.revenue()).containsExactly(new CurrencyRevenue("USD", 2000, 0, 0));
        assertThat(upToEnd.revenue()).containsExactly(new CurrencyRevenue("USD", 3000, 0, 0));
        assertThat(queries().statistics(T0, null).revenue()).containsExactly(new CurrencyRevenue("USD", 6000, 0, 0));
    }

    @Test
    void searchTakesSeveralStatusesACurrencyAndTheOldestFirst() {
        Payment failed = storedWithStatus(PaymentStatus.FAILED, "a@example.com", usd(), T0);
        Payment succeeded = storedWithStatus(PaymentStatus.SUCCEEDED, "b@example.com", usd(), T0.plusSeconds(1));
        storedWithStatus(PaymentStatus.PENDING, "c@example.com", usd(), T0.plusSeconds(2));
        storedWithStatus(PaymentStatus.SUCCEEDED, "d@example.com", Money.charge(1250, "EUR"), T0.plusSeconds(3));

        PaymentPage page = queries().search(new PaymentSearch(new PaymentFilter(
                Set.of(PaymentStatus.FAILED, PaymentStatus.SUCCEEDED), null, null, "USD", null, null, true), 0, 10));

        assertThat(page.items()).extracting(Payment::id).containsExactly(failed.id(), succeeded.id());
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void searchTextMatchesPartOfTheEmailOrNameOrAWholePaymentOrTransactionId() {
        Payment byEmail = stored(newPayment("Grace.Hopper@example.com", usd(), T0));
        Payment byName = stored(Payment.start(PaymentId.random(), new Customer("Zoë O'Hopper", "z@example.com"),
                "pon-ftth", usd(), "sandbox", null, null, Map.of(), T0.plusSeconds(1)));
        Payment other = storedWithStatus(PaymentStatus.SUCCEEDED, "x@example.com", usd(), T0.plusSeconds(2));
        stored(newPayment("someone@example.com", usd(), T0.plusSeconds(3)));

        assertThat(searchText("HOPPER")).containsExactly(byName.id(), byEmail.id());
        assertThat(searchText(other.id().value())).containsExactly(other.id());
        assertThat(searchText(other.transactionId())).containsExactly(other.id());
        assertThat(searchText(other.id().value().substring(0, 10))).as("ids match whole").isEmpty();
        assertThat(searchText("%")).as("no wildcards").isEmpty();
    }

    @Test
    void forEachHandsOverEveryPaymentTheFilterSelectsInItsOrder() {
        List<PaymentId> stored = IntStream.range(0, 7)
                .mapToObj(i -> stored(newPayment("p" + i + "@example.com", usd(), T0.plusSeconds(i))).id()).toList();
        List<PaymentId> seen = new ArrayList<>();

        queries().forEach(new PaymentFilter(Set.of(), null, null, null, T0.plusSeconds(1), null, true),
                payment -> seen.add(payment.id()));

        assertThat(seen).containsExactlyElementsOf(stored.subList(1, 7));
    }

    @Test
    void dailyStatisticsGiveNetAndCountsPerUtcDayAndCurrencyAndTheTopDeclineReasons() {
        Instant day1 = Instant.parse("2026-03-01T23:59:00Z");
        Instant day2 = Instant.parse("2026-03-02T00:01:00Z");
        storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", Money.charge(1000, "USD"), day1);
        storedWithStatus(PaymentStatus.PARTIALLY_REFUNDED, "a@example.com", Money.charge(1000, "USD"), day1);
        storedWithStatus(PaymentStatus.FAILED, "a@example.com", Money.charge(1000, "USD"), day1);
        storedWithStatus(PaymentStatus.SUCCEEDED, "a@example.com", Money.charge(700, "EUR"), day2);
        storedWithStatus(PaymentStatus.FAILED, "a@example.com", Money.charge(700, "EUR"), day2);
        storedWithStatus(PaymentStatus.PENDING, "a@example.com", Money.charge(700, "EUR"), day2);

        DailyStatistics statistics = queries().dailyStatistics(null, null);

        assertThat(statistics.days()).containsExactly(
                new DailyStatistics.Day(LocalDate.parse("2026-03-01"), "USD", 1000 + 500, 2, 1),
                new DailyStatistics.Day(LocalDate.parse("2026-03-02"), "EUR", 700, 1, 1));
        assertThat(statistics.declineReasons()).containsExactly(new DailyStatistics.DeclineReason("card_declined", 2));
        assertThat(queries().dailyStatistics(day2, null).days()).extracting(DailyStatistics.Day::currency)
                .containsExactly("EUR");
    }

    private List<PaymentId> searchText(String text) {
        return queries().search(new PaymentSearch(new PaymentFilter(Set.of(), null, text, null, null, null, false),
                0, 10)).items().stream().map(Payment::id).toList();
    }

    protected static Money usd() {
        return Money.charge(1250, "USD");
    }

    protected static Payment newPayment(String email, Money amount, Instant createdAt) {
        return newPayment(email, amount, createdAt, null);
    }

    protected static Payment newPayment(String email, Money amount, Instant createdAt, String idempotencyKey) {
        return Payment.start(PaymentId.random(), new Customer("Ada Lovelace", email), "pon-ftth", amount, "sandbox",
                idempotencyKey, idempotencyKey == null ? null : "fingerprint", Map.of(), createdAt);
    }

    protected Payment stored(Payment payment) {
        payments().insert(payment);
        return payment;
    }

    /** A stored payment brought to {@code status} the way the gateway would, last changed at {@code at}. */
    protected Payment storedWithStatus(PaymentStatus status, String email, Money amount, Instant at) {
        Payment payment = stored(newPayment(email, amount, at));
        if (status == PaymentStatus.PENDING) {
            return payment;
        }
        payment.attachGatewayReference(newIntentReference(), at);
        String reference = payment.gatewayReference();
        switch (status) {
            case REQUIRES_ACTION -> payment.apply(event(GatewayEventType.REQUIRES_ACTION, reference), ChangeSource.WEBHOOK, at);
            case PROCESSING -> payment.apply(event(GatewayEventType.PROCESSING, reference), ChangeSource.WEBHOOK, at);
            case FAILED -> payment.apply(event(GatewayEventType.PAYMENT_FAILED, reference), ChangeSource.WEBHOOK, at);
            case CANCELED -> payment.cancel(ChangeSource.ADMIN, null, "test", at);
            default -> {
                payment.apply(event(GatewayEventType.SUCCEEDED, reference), ChangeSource.WEBHOOK, at);
                if (status == PaymentStatus.PARTIALLY_REFUNDED) {
                    payment.apply(refundEvent(reference, amount.minorUnits() / 2), ChangeSource.WEBHOOK, at);
                } else if (status == PaymentStatus.REFUNDED) {
                    payment.apply(refundEvent(reference, amount.minorUnits()), ChangeSource.WEBHOOK, at);
                }
            }
        }
        payments().update(payment);
        assertThat(payment.status()).isEqualTo(status);
        return payment;
    }

    protected List<StatusChange> history(PaymentId id) {
        return queries().findDetails(id).map(PaymentDetails::history).orElseThrow();
    }

    protected List<Refund> refundsOf(PaymentId id) {
        return queries().findDetails(id).map(PaymentDetails::refunds).orElseThrow();
    }

    protected PaymentPage search(PaymentStatus status, String email, Instant from, Instant to, int page, int size) {
        return queries().search(new PaymentSearch(new PaymentFilter(status == null ? Set.of() : Set.of(status), email,
                null, null, from, to, false), page, size));
    }
}
