package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's intents, in memory: after a restart it has forgotten them, and asking about one is answered like
 * Stripe answers an unknown id (an invalid request). A sandbox needs nothing more durable.
 */
final class SandboxIntents {

    private final Map<PaymentId, SandboxIntent> byPayment = new ConcurrentHashMap<>();
    private final Map<String, SandboxIntent> byReference = new ConcurrentHashMap<>();

    /**
     * One intent per payment: asking again returns the one made first, unless it was canceled (as an expired checkout
     * session cancels its intent: the payment's next session needs a new one).
     */
    SandboxIntent create(Payment payment, Instant now) {
        return byPayment.compute(payment.id(), (id, earlier) -> {
            if (earlier != null && !earlier.isCanceled()) {
                return earlier;
            }
            String reference = SandboxIds.next("pi_sandbox_");
            SandboxIntent created = new SandboxIntent(SandboxIntent.Terms.of(payment, reference,
                    SandboxIds.next(reference + "_secret_"), now));
            byReference.put(reference, created);
            return created;
        });
    }

    /** @throws com.acme.payment.domain.model.GatewayException (invalid request) for an intent it does not know */
    SandboxIntent byReference(String reference) {
        SandboxIntent intent = reference == null ? null : byReference.get(reference);
        if (intent == null) {
            throw SandboxIntent.invalidRequest("No such payment_intent: '" + reference
                    + "' (the sandbox forgets its intents when the service restarts)");
        }
        return intent;
    }

    /**
     * The payment's intent, for whoever holds its client secret. A wrong secret is answered exactly like an unknown
     * payment, so it reveals nothing.
     *
     * @throws PaymentNotFoundException when there is no such payment, or the client secret is not its
     */
    SandboxIntent owned(String paymentId, String clientSecret) {
        SandboxIntent intent = PaymentId.isWellFormed(paymentId) ? byPayment.get(new PaymentId(paymentId)) : null;
        if (intent == null || clientSecret == null || !MessageDigest.isEqual(
                intent.terms().clientSecret().getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new PaymentNotFoundException(paymentId);
        }
        return intent;
    }
}
