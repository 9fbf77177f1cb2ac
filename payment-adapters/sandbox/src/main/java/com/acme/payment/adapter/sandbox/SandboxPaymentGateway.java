package com.acme.payment.adapter.sandbox;

import com.acme.payment.adapter.sandbox.SandboxConfirmation.Outcome;
import com.acme.payment.adapter.sandbox.SandboxIntent.PaymentError;
import com.acme.payment.adapter.sandbox.SandboxIntent.Status;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PaymentGateway} that runs offline and behaves like Stripe's test mode: it takes Stripe's test cards,
 * and reports what happens through Stripe-shaped events, signed with the webhook secret, that go through the
 * same verification and handling as real webhooks.
 *
 * <p>Intents live in memory: after a restart the sandbox has forgotten them, and asking about one is answered
 * like Stripe answers an unknown id (an invalid request). A sandbox needs nothing more durable.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    /** The API version the events are written in: the one stripe-java 33.3.0 is pinned to. */
    static final String API_VERSION = "2026-07-29.dahlia";

    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/(\\d{2})");
    private static final Pattern CVC = Pattern.compile("\\d{3,4}");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String AUTHENTICATION_FAILED = "authentication_failed";
    private static final String AUTHENTICATION_FAILED_MESSAGE = "We could not authenticate your payment.";

    private final SandboxSettings settings;
    private final SandboxWebhookSender webhooks;
    private final Clock clock;
    private final Map<PaymentId, SandboxIntent> intentsByPayment = new ConcurrentHashMap<>();
    private final Map<String, SandboxIntent> intentsByReference = new ConcurrentHashMap<>();

    /**
     * @param webhookReceiver supplied late, because the service that receives events also needs this gateway
     * @param scheduler       runs event deliveries and settlements; owned (and shut down) by the caller
     */
    public SandboxPaymentGateway(SandboxSettings settings, String webhookSecret,
                                 Supplier<ReceiveGatewayEventUseCase> webhookReceiver,
                                 ScheduledExecutorService scheduler, Clock clock) {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs a webhook secret to sign its events");
        }
        this.settings = settings;
        this.clock = clock;
        this.webhooks = new SandboxWebhookSender(webhookSecret, webhookReceiver, scheduler, clock,
                settings.deliveryAttempts(), settings.firstRetryDelay());
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public GatewayIntent createIntent(Payment payment) {
        SandboxIntent intent = intentsByPayment.computeIfAbsent(payment.id(), id -> {
            String reference = newId("pi_sandbox_");
            SandboxIntent created = new SandboxIntent(reference, reference + "_secret_" + randomId(24), payment,
                    clock.instant());
            intentsByReference.put(reference, created);
            return created;
        });
        synchronized (intent) {
            return intent.toGatewayIntent();
        }
    }

    @Override
    public GatewayIntent retrieveIntent(String reference) {
        SandboxIntent intent = intent(reference);
        synchronized (intent) {
            return intent.toGatewayIntent();
        }
    }

    @Override
    public GatewayIntent cancelIntent(String reference) {
        SandboxIntent intent = intent(reference);
        synchronized (intent) {
            intent.cancel(clock.instant());
            publish("payment_intent.canceled", intent.asStripePaymentIntent(), settings.webhookDelay());
            return intent.toGatewayIntent();
        }
    }

    @Override
    public GatewayRefund refund(String reference, long amount, String idempotencyKey) {
        SandboxIntent intent = intent(reference);
        synchronized (intent) {
            Optional<GatewayRefund> earlier = intent.earlierRefund(idempotencyKey, amount);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            GatewayRefund refund = intent.refund(amount, idempotencyKey, newId("re_sandbox_"));
            publish("charge.refunded", intent.asStripeCharge(), settings.webhookDelay());
            return refund;
        }
    }

    /**
     * The customer confirms the payment with a card, as Stripe.js would.
     *
     * @throws InvalidPaymentRequestException for a card that is not a test card, an expiry that is not a future
     *                                        MM/YY, or a CVC that is not 3 or 4 digits
     * @throws PaymentNotFoundException       when the sandbox has no such payment, or the client secret is not its
     * @throws IllegalTransitionException     when the payment is not waiting for a card
     */
    public SandboxConfirmation confirm(String paymentId, String clientSecret, String cardNumber, String expiry,
                                       String cvc) {
        SandboxTestCard card = testCard(cardNumber, expiry, cvc);
        SandboxIntent intent = ownedIntent(paymentId, clientSecret);
        synchronized (intent) {
            if (intent.status() != Status.REQUIRES_PAYMENT_METHOD && intent.status() != Status.REQUIRES_ACTION) {
                throw notAllowed(paymentId, intent, PaymentStatus.PROCESSING);
            }
            String paymentMethod = newId("pm_sandbox_");
            if (card == SandboxTestCard.REQUIRES_AUTHENTICATION) {
                intent.requireAction(paymentMethod);
                publish("payment_intent.requires_action", intent.asStripePaymentIntent(), Duration.ZERO);
                return new SandboxConfirmation(paymentId, Outcome.REQUIRES_ACTION, null, "Authentication required.");
            }
            if (card.declines()) {
                intent.fail(paymentMethod, new PaymentError("card_error", "card_declined", card.declineCode(),
                        card.declineMessage(), card.declineMessage()));
                publish("payment_intent.payment_failed", intent.asStripePaymentIntent(), settings.webhookDelay());
                return new SandboxConfirmation(paymentId, Outcome.DECLINED, card.declineCode(), card.declineMessage());
            }
            startProcessing(intent, paymentMethod);
            return new SandboxConfirmation(paymentId, Outcome.PROCESSING, null, null);
        }
    }

    /**
     * The customer completes ({@code approve}) or fails the 3-D Secure step.
     *
     * @throws PaymentNotFoundException   when the sandbox has no such payment, or the client secret is not its
     * @throws IllegalTransitionException when the payment is not waiting for authentication
     */
    public SandboxConfirmation authenticate(String paymentId, String clientSecret, boolean approve) {
        SandboxIntent intent = ownedIntent(paymentId, clientSecret);
        synchronized (intent) {
            if (intent.status() != Status.REQUIRES_ACTION) {
                throw notAllowed(paymentId, intent, approve ? PaymentStatus.PROCESSING : PaymentStatus.FAILED);
            }
            if (approve) {
                startProcessing(intent, intent.paymentMethod());
                return new SandboxConfirmation(paymentId, Outcome.PROCESSING, null, null);
            }
            // What Stripe reports when 3-D Secure fails: an error code, no decline code.
            intent.fail(intent.paymentMethod(), new PaymentError("invalid_request_error", "payment_intent_authentication_failure", null,
                    "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a "
                            + "new PaymentMethod to attempt to fulfill this PaymentIntent again.",
                    AUTHENTICATION_FAILED_MESSAGE));
            publish("payment_intent.payment_failed", intent.asStripePaymentIntent(), settings.webhookDelay());
            return new SandboxConfirmation(paymentId, Outcome.DECLINED, AUTHENTICATION_FAILED,
                    AUTHENTICATION_FAILED_MESSAGE);
        }
    }

    /** Processing shows after the webhook delay; the charge settles (succeeded) after the settlement delay. */
    private void startProcessing(SandboxIntent intent, String paymentMethod) {
        intent.startProcessing(paymentMethod);
        publish("payment_intent.processing", intent.asStripePaymentIntent(), settings.webhookDelay());
        webhooks.schedule(() -> {
            synchronized (intent) {
                intent.succeed(newId("ch_sandbox_"), clock.instant());
                publish("payment_intent.succeeded", intent.asStripePaymentIntent(), Duration.ZERO);
            }
        }, settings.webhookDelay().plus(settings.settlementDelay()));
    }

    /** A Stripe event, written when the change happens and delivered after {@code delay}. */
    private void publish(String type, Map<String, Object> object, Duration delay) {
        String eventId = newId("evt_sandbox_");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        webhooks.send(eventId, SandboxJson.write(event), delay);
    }

    private SandboxIntent intent(String reference) {
        SandboxIntent intent = reference == null ? null : intentsByReference.get(reference);
        if (intent == null) {
            throw new GatewayException(GatewayException.Reason.INVALID_REQUEST, "No such payment_intent: '" + reference
                    + "' (the sandbox forgets its intents when the service restarts)", null,
                    "The payment could not be processed.", null);
        }
        return intent;
    }

    /** Answers a wrong client secret exactly like an unknown payment, so it reveals nothing. */
    private SandboxIntent ownedIntent(String paymentId, String clientSecret) {
        SandboxIntent intent = PaymentId.isWellFormed(paymentId) ? intentsByPayment.get(new PaymentId(paymentId)) : null;
        if (intent == null || clientSecret == null || !MessageDigest.isEqual(
                intent.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new PaymentNotFoundException(paymentId);
        }
        return intent;
    }

    private static IllegalTransitionException notAllowed(String paymentId, SandboxIntent intent, PaymentStatus to) {
        return new IllegalTransitionException(new PaymentId(paymentId), intent.toGatewayIntent().status(), to);
    }

    private SandboxTestCard testCard(String cardNumber, String expiry, String cvc) {
        String digits = cardNumber == null ? "" : cardNumber.replace(" ", "");
        SandboxTestCard card = SandboxTestCard.byNumber(digits).orElseThrow(() ->
                new InvalidPaymentRequestException("cardNumber", "Use one of the sandbox test cards."));
        Matcher monthYear = EXPIRY.matcher(expiry == null ? "" : expiry.strip());
        if (!monthYear.matches()) {
            throw new InvalidPaymentRequestException("expiry", "Enter the expiry date as MM/YY.");
        }
        YearMonth expires = YearMonth.of(2000 + Integer.parseInt(monthYear.group(2)), Integer.parseInt(monthYear.group(1)));
        if (expires.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidPaymentRequestException("expiry", "The expiry date is in the past.");
        }
        if (cvc == null || !CVC.matcher(cvc.strip()).matches()) {
            throw new InvalidPaymentRequestException("cvc", "Enter the 3- or 4-digit security code.");
        }
        return card;
    }

    private static String newId(String prefix) {
        return prefix + randomId(24);
    }

    private static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
