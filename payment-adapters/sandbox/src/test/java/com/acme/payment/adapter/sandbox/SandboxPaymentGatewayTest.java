package com.acme.payment.adapter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.HostedCheckout.CheckoutSession;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.SandboxCardPayments;
import com.acme.payment.domain.port.out.SandboxCardPayments.Card;
import com.acme.payment.domain.port.out.SandboxCardPayments.Confirmation;
import com.acme.payment.domain.port.out.SandboxCardPayments.Outcome;
import com.acme.payment.domain.port.out.SandboxCheckoutPages;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxPaymentGatewayTest {

    private static final String SECRET = "whsec_sandbox_Zk2pQ9wX4rT8vB1nM6cY0dLs";
    private static final SandboxSettings NO_DELAYS = new SandboxSettings(Duration.ZERO, Duration.ZERO, 3, Duration.ZERO);
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ReceiveGatewayEventUseCase receiver = (payload, header) -> {
        deliveries.add(new Delivery(payload, header));
        return EventOutcome.APPLIED;
    };
    private PaymentGateway gateway;
    private SandboxCardPayments cards;
    private DisputeGateway disputes;
    private HostedCheckout hosted;
    private SandboxCheckoutPages pages;

    private record Delivery(String payload, String header) {
    }

    @BeforeEach
    void startSandbox() {
        use(NO_DELAYS);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void createsOneIntentPerPayment() {
        Payment payment = PaymentFixtures.pendingPayment();

        GatewayIntent first = gateway.createIntent(payment);
        GatewayIntent again = gateway.createIntent(payment);
        GatewayIntent other = gateway.createIntent(PaymentFixtures.pendingPayment());

        assertThat(again).isEqualTo(first);
        assertThat(other.reference()).isNotEqualTo(first.reference());
        assertThat(first.reference()).matches("pi_sandbox_[A-Za-z0-9]{24}");
        assertThat(first.clientSecret()).startsWith(first.reference() + "_secret_");
        assertThat(first.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(gateway.name()).isEqualTo("sandbox");
    }

    @Test
    void theSucceedingCardDeliversProcessingThenSucceeded() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        Confirmation confirmation = confirm(payment, intent, "4242 4242 4242 4242");

        assertThat(confirmation).isEqualTo(new Confirmation(payment.id().value(), Outcome.PROCESSING, null, null));
        JsonObject processing = nextEvent("payment_intent.processing");
        assertThat(str(processing, "id")).startsWith("evt_");
        assertThat(str(processing, "object")).isEqualTo("event");
        assertThat(str(processing, "api_version")).isEqualTo("2026-07-29.dahlia");
        assertThat(processing.get("created").getAsLong()).isEqualTo(PaymentFixtures.NOW.getEpochSecond());
        JsonObject processingIntent = object(processing);
        assertThat(str(processingIntent, "id")).isEqualTo(intent.reference());
        assertThat(str(processingIntent, "object")).isEqualTo("payment_intent");
        assertThat(str(processingIntent, "status")).isEqualTo("processing");
        assertThat(processingIntent.get("amount").getAsLong()).isEqualTo(1250);
        assertThat(str(processingIntent, "currency")).isEqualTo("usd");
        assertThat(str(processingIntent.getAsJsonObject("metadata"), "payment_id")).isEqualTo(payment.id().value());
        assertThat(processingIntent.get("latest_charge").isJsonNull()).isTrue();

        JsonObject succeeded = object(nextEvent("payment_intent.succeeded"));
        assertThat(str(succeeded, "status")).isEqualTo("succeeded");
        assertThat(str(succeeded, "latest_charge")).startsWith("ch_");
        assertNoMoreEvents();
        assertThat(gateway.retrieveIntent(intent.reference()))
                .extracting(GatewayIntent::status, GatewayIntent::transactionId)
                .containsExactly(PaymentStatus.SUCCEEDED, str(succeeded, "latest_charge"));
    }

    @ParameterizedTest(name = "{0} is declined with {1}")
    @CsvSource({
            "4000000000000002, generic_decline, Your card was declined.",
            "4000000000009995, insufficient_funds, Your card has insufficient funds."})
    void aDecliningCardDeliversPaymentFailed(String card, String declineCode, String message) throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        Confirmation confirmation = confirm(payment, intent, card);

        assertThat(confirmation).isEqualTo(new Confirmation(payment.id().value(), Outcome.DECLINED, declineCode,
                message));
        JsonObject failed = object(nextEvent("payment_intent.payment_failed"));
        assertThat(str(failed, "status")).isEqualTo("requires_payment_method");
        JsonObject error = failed.getAsJsonObject("last_payment_error");
        assertThat(str(error, "type")).isEqualTo("card_error");
        assertThat(str(error, "code")).isEqualTo("card_declined");
        assertThat(str(error, "decline_code")).isEqualTo(declineCode);
        assertNoMoreEvents();
        assertThat(gateway.retrieveIntent(intent.reference()))
                .extracting(GatewayIntent::status, GatewayIntent::failureCode, GatewayIntent::failureMessage)
                .containsExactly(PaymentStatus.FAILED, declineCode, message);
    }

    @Test
    void theAuthenticationCardRequiresActionThenSucceedsWhenApproved() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertThat(confirm(payment, intent, "4000002500003155").outcome()).isEqualTo(Outcome.REQUIRES_ACTION);
        assertThat(str(object(nextEvent("payment_intent.requires_action")), "status")).isEqualTo("requires_action");
        assertThat(gateway.retrieveIntent(intent.reference()).status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);

        Confirmation approved = cards.authenticate(payment.id().value(), intent.clientSecret(), true);

        assertThat(approved.outcome()).isEqualTo(Outcome.PROCESSING);
        nextEvent("payment_intent.processing");
        nextEvent("payment_intent.succeeded");
        assertNoMoreEvents();
    }

    @Test
    void failedAuthenticationDeliversPaymentFailed() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4000002500003155");
        nextEvent("payment_intent.requires_action");

        Confirmation failed = cards.authenticate(payment.id().value(), intent.clientSecret(), false);

        assertThat(failed).isEqualTo(new Confirmation(payment.id().value(), Outcome.DECLINED,
                "authentication_failed", "We could not authenticate your payment."));
        JsonObject error = object(nextEvent("payment_intent.payment_failed")).getAsJsonObject("last_payment_error");
        assertThat(str(error, "code")).isEqualTo("payment_intent_authentication_failure");
        assertThat(error.get("decline_code").isJsonNull()).isTrue();
        assertThat(gateway.retrieveIntent(intent.reference()))
                .extracting(GatewayIntent::status, GatewayIntent::failureCode, GatewayIntent::failureMessage)
                .containsExactly(PaymentStatus.FAILED, "payment_intent_authentication_failure",
                        "We could not authenticate your payment.");
    }

    @Test
    void aFailedPaymentCanBeRetriedWithAnotherCardOnTheSameIntent() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4000000000009995");
        nextEvent("payment_intent.payment_failed");

        assertThat(confirm(payment, intent, "4242424242424242").outcome()).isEqualTo(Outcome.PROCESSING);

        nextEvent("payment_intent.processing");
        JsonObject succeeded = object(nextEvent("payment_intent.succeeded"));
        assertThat(str(succeeded, "id")).isEqualTo(intent.reference());
        assertThat(succeeded.get("last_payment_error").isJsonNull()).isTrue();
        assertThat(gateway.retrieveIntent(intent.reference()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aPaymentLeftInRequiresActionCanBeConfirmedWithAnotherCard() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4000002500003155");
        nextEvent("payment_intent.requires_action");

        assertThat(confirm(payment, intent, "4242424242424242").outcome()).isEqualTo(Outcome.PROCESSING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4111111111111111", "4242424242424241", "4242-4242-4242-4242", "abc"})
    void refusesACardThatIsNotATestCard(String cardNumber) {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertInvalid(() -> cards.confirm(payment.id().value(), intent.clientSecret(),
                new Card(cardNumber, "12/34", "123")),
                "cardNumber", "Use one of the sandbox test cards.");
        assertNoMoreEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"13/30", "00/30", "1/30", "12-30", "12/2030", "10/26"})
    void refusesAnExpiryThatIsNotAFutureMonth(String expiry) {
        // now is November 2026
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertInvalid(() -> cards.confirm(payment.id().value(), intent.clientSecret(),
                new Card("4242424242424242", expiry, "123")), "expiry", null);
    }

    @Test
    void acceptsACardExpiringThisMonth() {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertThat(cards.confirm(payment.id().value(), intent.clientSecret(),
                new Card("4242424242424242", "11/26", "1234"))
                .outcome()).isEqualTo(Outcome.PROCESSING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12", "12345", "12a"})
    void refusesACvcThatIsNotThreeOrFourDigits(String cvc) {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertInvalid(() -> cards.confirm(payment.id().value(), intent.clientSecret(),
                new Card("4242424242424242", "12/34", cvc)), "cvc", null);
    }

    @Test
    void answersAWrongClientSecretLikeAnUnknownPayment() {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        GatewayIntent otherIntent = gateway.createIntent(PaymentFixtures.pendingPayment());
        Card card = new Card("4242424242424242", "12/34", "123");

        assertThatThrownBy(() -> cards.confirm(payment.id().value(), otherIntent.clientSecret(), card))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> cards.confirm(payment.id().value(), intent.clientSecret() + "x", card))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> cards.authenticate(payment.id().value(), null, true))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> cards.confirm(PaymentId.random().value(), intent.clientSecret(), card))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> cards.confirm("not-a-payment-id", intent.clientSecret(), card))
                .isInstanceOf(PaymentNotFoundException.class);
        assertNoMoreEvents();
    }

    @Test
    void aPaymentThatIsProcessingOrSucceededCannotBeConfirmedAgain() throws Exception {
        use(new SandboxSettings(Duration.ZERO, Duration.ofSeconds(2), 3, Duration.ZERO));
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4242424242424242");

        assertThatThrownBy(() -> confirm(payment, intent, "4242424242424242"))
                .isInstanceOf(IllegalTransitionException.class);
        nextEvent("payment_intent.processing");
        nextEvent("payment_intent.succeeded");
        assertThatThrownBy(() -> confirm(payment, intent, "4242424242424242"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("succeeded");
    }

    @Test
    void onlyAPaymentWaitingForAuthenticationCanBeAuthenticated() {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertThatThrownBy(() -> cards.authenticate(payment.id().value(), intent.clientSecret(), true))
                .isInstanceOf(IllegalTransitionException.class);
        assertNoMoreEvents();
    }

    @Test
    void eventsArriveAfterTheWebhookDelayExceptRequiresActionWhichIsImmediate() throws Exception {
        use(new SandboxSettings(Duration.ofSeconds(30), Duration.ZERO, 3, Duration.ZERO));
        Payment succeeding = PaymentFixtures.pendingPayment();
        confirm(succeeding, gateway.createIntent(succeeding), "4242424242424242");
        Payment authenticating = PaymentFixtures.pendingPayment();
        confirm(authenticating, gateway.createIntent(authenticating), "4000002500003155");

        nextEvent("payment_intent.requires_action");
        assertNoMoreEvents();
        assertThat(gateway.retrieveIntent(gateway.createIntent(succeeding).reference()).status())
                .isEqualTo(PaymentStatus.PROCESSING);
    }

    @Test
    void refundsPartlyThenFullyReportingTheTotalAndDeliveringChargeRefunded() throws Exception {
        GatewayIntent intent = succeededIntent();

        assertThat(gateway.refund(intent.reference(), 500, "rf_1").refundedTotal()).isEqualTo(500);
        JsonObject partly = object(nextEvent("charge.refunded"));
        assertThat(str(partly, "object")).isEqualTo("charge");
        assertThat(str(partly, "payment_intent")).isEqualTo(intent.reference());
        assertThat(partly.get("amount_refunded").getAsLong()).isEqualTo(500);
        assertThat(partly.get("refunded").getAsBoolean()).isFalse();
        assertThat(gateway.retrieveIntent(intent.reference()).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

        GatewayRefund rest = gateway.refund(intent.reference(), 750, "rf_2");

        assertThat(rest.refundId()).startsWith("re_");
        assertThat(rest.refundedTotal()).isEqualTo(1250);
        assertThat(object(nextEvent("charge.refunded")).get("refunded").getAsBoolean()).isTrue();
        assertThat(gateway.retrieveIntent(intent.reference()))
                .extracting(GatewayIntent::status, GatewayIntent::refundedTotal)
                .containsExactly(PaymentStatus.REFUNDED, 1250L);
    }

    @Test
    void aRefundWithAnIdempotencyKeyAlreadyUsedReturnsTheSameRefundOnce() throws Exception {
        GatewayIntent intent = succeededIntent();
        GatewayRefund first = gateway.refund(intent.reference(), 500, "rf_1");
        nextEvent("charge.refunded");

        assertThat(gateway.refund(intent.reference(), 500, "rf_1")).isEqualTo(first);
        assertNoMoreEvents();
        assertGatewayRefusal(() -> gateway.refund(intent.reference(), 600, "rf_1"), "idempotent");
        assertThat(gateway.retrieveIntent(intent.reference()).refundedTotal()).isEqualTo(500);
    }

    @Test
    void refusesToRefundMoreThanIsLeft() throws Exception {
        GatewayIntent intent = succeededIntent();
        gateway.refund(intent.reference(), 1000, "rf_1");

        assertGatewayRefusal(() -> gateway.refund(intent.reference(), 251, "rf_2"), "greater than unrefunded");
        assertGatewayRefusal(() -> gateway.refund(intent.reference(), 0, "rf_3"), "positive");
    }

    @Test
    void refusesToRefundAPaymentThatHasNotSucceeded() {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);

        assertGatewayRefusal(() -> gateway.refund(intent.reference(), 100, "rf_1"), "does not have a successful charge");
    }

    @Test
    void cancelsAPendingPaymentAndDeliversCanceled() throws Exception {
        GatewayIntent intent = gateway.createIntent(PaymentFixtures.pendingPayment());

        assertThat(gateway.cancelIntent(intent.reference()).status()).isEqualTo(PaymentStatus.CANCELED);

        JsonObject canceled = object(nextEvent("payment_intent.canceled"));
        assertThat(str(canceled, "status")).isEqualTo("canceled");
        assertThat(canceled.get("canceled_at").getAsLong()).isEqualTo(PaymentFixtures.NOW.getEpochSecond());
        assertGatewayRefusal(() -> gateway.cancelIntent(intent.reference()), "status of canceled");
    }

    @Test
    void refusesToCancelAProcessingOrSucceededPayment() throws Exception {
        use(new SandboxSettings(Duration.ZERO, Duration.ofSeconds(2), 3, Duration.ZERO));
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4242424242424242");

        assertGatewayRefusal(() -> gateway.cancelIntent(intent.reference()), "status of processing");
        nextEvent("payment_intent.processing");
        nextEvent("payment_intent.succeeded");
        assertGatewayRefusal(() -> gateway.cancelIntent(intent.reference()), "status of succeeded");
        assertNoMoreEvents();
    }

    @Test
    void anIntentItDoesNotKnowIsAnInvalidRequest() {
        assertGatewayRefusal(() -> gateway.retrieveIntent("pi_sandbox_forgottenAfterRestart0"), "No such payment_intent");
        assertGatewayRefusal(() -> gateway.cancelIntent("pi_unknown"), "No such payment_intent");
        assertGatewayRefusal(() -> gateway.refund("pi_unknown", 100, "rf_1"), "No such payment_intent");
    }

    @Test
    void retriesAFailedDeliveryWithAFreshSignatureUntilItIsAccepted() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        receiver = (payload, header) -> {
            deliveries.add(new Delivery(payload, header));
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database down");
            }
            return EventOutcome.APPLIED;
        };
        use(NO_DELAYS);

        gateway.cancelIntent(gateway.createIntent(PaymentFixtures.pendingPayment()).reference());

        String eventId = str(nextEvent("payment_intent.canceled"), "id");
        assertThat(str(nextEvent("payment_intent.canceled"), "id")).isEqualTo(eventId);
        assertThat(str(nextEvent("payment_intent.canceled"), "id")).isEqualTo(eventId);
        assertNoMoreEvents();
    }

    @Test
    void givesUpOnAnEventAfterTheConfiguredAttempts() throws Exception {
        receiver = (payload, header) -> {
            deliveries.add(new Delivery(payload, header));
            throw new IllegalStateException("database down");
        };
        use(NO_DELAYS);

        gateway.cancelIntent(gateway.createIntent(PaymentFixtures.pendingPayment()).reference());

        for (int attempt = 1; attempt <= NO_DELAYS.deliveryAttempts(); attempt++) {
            nextEvent("payment_intent.canceled");
        }
        assertNoMoreEvents();
    }

    @Test
    void aCheckoutSessionsPagePaysWithTheCardFormAndTheSessionCompletesWhenTheCardSucceeds() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        CheckoutSession session = openSession(payment, "checkout-session-" + payment.id());

        assertThat(openSession(payment, "checkout-session-" + payment.id()).id()).isEqualTo(session.id());
        assertThat(session.url()).isEqualTo("http://localhost:8080/sandbox/checkout/" + session.id());
        assertThat(session.state()).isEqualTo(HostedCheckout.State.OPEN);
        SandboxCheckoutPages.Page page = pages.open(session.id());
        assertThat(page.successUrl()).endsWith("?session_id=" + session.id());
        assertThat(page.amount()).isEqualTo(1250);
        cards.confirm(page.paymentId(), page.clientSecret(), new Card("4242424242424242", "12/34", "123"));

        String intentId = str(object(nextEvent("payment_intent.processing")), "id");
        nextEvent("payment_intent.succeeded");
        JsonObject completed = object(nextEvent("checkout.session.completed"));
        assertThat(str(completed, "object")).isEqualTo("checkout.session");
        assertThat(str(completed, "status")).isEqualTo("complete");
        assertThat(str(completed, "payment_status")).isEqualTo("paid");
        assertThat(str(completed, "client_reference_id")).isEqualTo(payment.id().value());
        assertThat(str(completed, "payment_intent")).isEqualTo(intentId);
        assertThat(hosted.retrieveSession(session.id())).isEqualTo(new CheckoutSession(session.id(), null,
                HostedCheckout.State.COMPLETE, true, intentId));
    }

    @Test
    void expiringASessionCancelsItsIntentAndTheNextSessionOfThePaymentGetsAFreshOne() throws Exception {
        Payment payment = PaymentFixtures.pendingPayment();
        CheckoutSession first = openSession(payment, "first");
        String firstSecret = pages.open(first.id()).clientSecret();

        hosted.expireSession(first.id());

        assertThat(str(object(nextEvent("payment_intent.canceled")), "status")).isEqualTo("canceled");
        assertThat(str(object(nextEvent("checkout.session.expired")), "status")).isEqualTo("expired");
        assertThat(pages.open(first.id()).clientSecret()).isNull();
        assertThatThrownBy(() -> hosted.expireSession(first.id())).isInstanceOf(GatewayException.class);
        CheckoutSession second = openSession(payment, "second");
        assertThat(pages.open(second.id()).clientSecret()).isNotNull().isNotEqualTo(firstSecret);
    }

    @Test
    void writesCustomerTextAsValidJson() throws Exception {
        Payment payment = Payment.start(PaymentId.random(), new Customer("Ada", "o\"neil\\x@example.com"), "pon-ftth",
                Money.charge(1250, "USD"), "sandbox", null, null, Map.of(), PaymentFixtures.NOW);
        GatewayIntent intent = gateway.createIntent(payment);

        confirm(payment, intent, "4000000000000002");

        assertThat(str(object(nextEvent("payment_intent.payment_failed")), "receipt_email"))
                .isEqualTo("o\"neil\\x@example.com");
    }

    private void use(SandboxSettings settings) {
        Sandbox sandbox = new Sandbox(settings, SECRET, () -> receiver, scheduler, "http://localhost:8080",
                PaymentFixtures.CLOCK);
        gateway = sandbox.gateway();
        cards = sandbox.cardPayments();
        disputes = sandbox.disputes();
        hosted = sandbox.hostedCheckout();
        pages = sandbox.checkoutPages();
    }

    private CheckoutSession openSession(Payment payment, String idempotencyKey) {
        String page = "http://localhost:8080/payment/" + payment.id();
        return hosted.createSession(payment, "PON & FTTH", page + "?session_id={CHECKOUT_SESSION_ID}",
                page + "?canceled=1", PaymentFixtures.NOW.plus(Duration.ofHours(1)), idempotencyKey);
    }

    /** Card 0259, paid: the sandbox has opened its dispute and withdrawn the funds. Returns the dispute's id. */
    private String disputedPayment() throws InterruptedException {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4000 0000 0000 0259");
        nextEvent("payment_intent.processing");
        nextEvent("payment_intent.succeeded");
        JsonObject created = object(nextEvent("charge.dispute.created"));
        assertThat(str(created, "payment_intent")).isEqualTo(intent.reference());
        JsonObject withdrawn = object(nextEvent("charge.dispute.funds_withdrawn"));
        assertThat(withdrawn.getAsJsonArray("balance_transactions").get(0).getAsJsonObject().get("amount").getAsLong())
                .isEqualTo(-1250);
        return str(created, "id");
    }

    @Test
    void card0259IsDisputedAsFraudAndSubmittedWinningEvidenceWinsAndReinstatesTheFunds() throws Exception {
        String disputeId = disputedPayment();

        GatewayDispute won = disputes.updateEvidence(disputeId, new DisputeEvidence(null, null, "winning_evidence"),
                true, "key-1");

        assertThat(won.status()).isEqualTo(DisputeStatus.WON);
        assertThat(won.reason()).isEqualTo("fraudulent");
        assertThat(str(object(nextEvent("charge.dispute.closed")), "status")).isEqualTo("won");
        assertThat(str(object(nextEvent("charge.dispute.funds_reinstated")), "status")).isEqualTo("won");
        assertThat(disputes.updateEvidence(disputeId, new DisputeEvidence(null, null, "winning_evidence"), true,
                "key-1")).as("the same key answers the same").isEqualTo(won);
        assertThatThrownBy(() -> disputes.close(disputeId, "key-2")).isInstanceOf(GatewayException.class);
    }

    @Test
    void losingEvidenceLosesAndEvidenceNotSubmittedChangesNothing() throws Exception {
        String disputeId = disputedPayment();

        GatewayDispute saved = disputes.updateEvidence(disputeId, new DisputeEvidence("losing_evidence", null, null),
                false, "key-1");
        GatewayDispute lost = disputes.updateEvidence(disputeId, new DisputeEvidence("losing_evidence", null, null),
                true, "key-2");

        assertThat(saved.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(lost.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(lost.fundsReinstated()).isFalse();
        assertThat(str(object(nextEvent("charge.dispute.closed")), "status")).isEqualTo("lost");
    }

    private Confirmation confirm(Payment payment, GatewayIntent intent, String card) {
        return cards.confirm(payment.id().value(), intent.clientSecret(), new Card(card, "12/34", "123"));
    }

    private GatewayIntent succeededIntent() throws InterruptedException {
        Payment payment = PaymentFixtures.pendingPayment();
        GatewayIntent intent = gateway.createIntent(payment);
        confirm(payment, intent, "4242424242424242");
        nextEvent("payment_intent.processing");
        nextEvent("payment_intent.succeeded");
        return intent;
    }

    /** The next delivered event, after checking its signature with an HMAC computed here. */
    private JsonObject nextEvent(String expectedType) throws InterruptedException {
        Delivery delivery = deliveries.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).as("a delivered %s event", expectedType).isNotNull();
        Matcher header = SIGNATURE.matcher(delivery.header());
        assertThat(header.matches()).as("Stripe-Signature format of %s", delivery.header()).isTrue();
        assertThat(Long.parseLong(header.group(1))).isEqualTo(PaymentFixtures.NOW.getEpochSecond());
        assertThat(MessageDigest.isEqual(header.group(2).getBytes(StandardCharsets.US_ASCII),
                hmacSha256Hex(header.group(1) + "." + delivery.payload()).getBytes(StandardCharsets.US_ASCII)))
                .as("signature matches the payload").isTrue();
        JsonObject event = JsonParser.parseString(delivery.payload()).getAsJsonObject();
        assertThat(str(event, "type")).isEqualTo(expectedType);
        return event;
    }

    private void assertNoMoreEvents() {
        try {
            assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String hmacSha256Hex(String message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject object(JsonObject event) {
        return event.getAsJsonObject("data").getAsJsonObject("object");
    }

    private static String str(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static void assertInvalid(Runnable confirm, String field, String message) {
        assertThatThrownBy(confirm::run)
                .asInstanceOf(type(InvalidPaymentRequestException.class))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }

    private static void assertGatewayRefusal(Runnable call, String messagePart) {
        assertThatThrownBy(call::run)
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
