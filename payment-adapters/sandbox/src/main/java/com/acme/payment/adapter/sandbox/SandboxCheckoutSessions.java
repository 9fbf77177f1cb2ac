package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.SandboxCheckoutPages;
import com.acme.payment.domain.port.out.SandboxCheckoutPages.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's Checkout Sessions, in memory like its intents. Its page is a route of the Payment page that pays
 * with the sandbox card form on the session's PaymentIntent; when that intent succeeds the session completes, and
 * each step is reported by the events Stripe sends ({@code checkout.session.*}).
 */
final class SandboxCheckoutSessions implements HostedCheckout {

    private static final String PAGE_PATH = "/sandbox/checkout/";

    private final Map<String, SandboxCheckoutSession> byId = new ConcurrentHashMap<>();
    private final Map<String, SandboxCheckoutSession> byIdempotencyKey = new ConcurrentHashMap<>();
    private final SandboxIntents intents;
    private final SandboxWebhookSender webhooks;
    private final Duration webhookDelay;
    private final String pageBaseUrl;
    private final Clock clock;

    /** @param pageBaseUrl where the app serves its pages; the sessions' pages are under it */
    SandboxCheckoutSessions(SandboxIntents intents, SandboxWebhookSender webhooks, Duration webhookDelay,
                            String pageBaseUrl, Clock clock) {
        this.intents = intents;
        this.webhooks = webhooks;
        this.webhookDelay = webhookDelay;
        this.pageBaseUrl = pageBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    @Override
    public CheckoutSession createSession(Payment payment, String itemName, String successUrl, String cancelUrl,
                                         Instant expiresAt, String idempotencyKey) {
        SandboxCheckoutSession session = byIdempotencyKey.computeIfAbsent(idempotencyKey, key -> {
            String id = SandboxIds.next("cs_test_sandbox_");
            SandboxCheckoutSession created = new SandboxCheckoutSession(new SandboxCheckoutSession.Terms(id, payment,
                    itemName, pageBaseUrl + PAGE_PATH + id, successUrl.replace("{CHECKOUT_SESSION_ID}", id), cancelUrl,
                    clock.instant(), expiresAt));
            byId.put(id, created);
            webhooks.schedule(() -> expireIfOpen(created), Duration.between(clock.instant(), expiresAt));
            return created;
        });
        synchronized (session) {
            return view(session);
        }
    }

    @Override
    public CheckoutSession retrieveSession(String sessionId) {
        SandboxCheckoutSession session = byId(sessionId);
        synchronized (session) {
            return view(session);
        }
    }

    @Override
    public CheckoutSession expireSession(String sessionId) {
        SandboxCheckoutSession session = byId(sessionId);
        synchronized (session) {
            expire(session);
            return view(session);
        }
    }

    /** The session's page ({@link SandboxCheckoutPages#open}). */
    Page open(String sessionId) {
        SandboxCheckoutSession session = byId.get(sessionId);
        if (session == null) {
            throw new PaymentNotFoundException(sessionId);
        }
        synchronized (session) {
            SandboxCheckoutSession.Terms terms = session.terms();
            String clientSecret = null;
            if (session.state() == State.OPEN) {
                if (session.intent() == null) {
                    session.attach(intents.create(terms.payment(), clock.instant()));
                }
                clientSecret = session.intent().terms().clientSecret();
            }
            return new Page(terms.id(), terms.payment().id().value(), clientSecret, terms.itemName(),
                    terms.payment().amount().minorUnits(), terms.payment().amount().currency(),
                    StripeObjects.sessionStatus(session), terms.successUrl(), terms.cancelUrl());
        }
    }

    /** The card processor's intent succeeded: its open session completes, paid. */
    void intentSucceeded(SandboxIntent intent) {
        byId.values().stream().filter(session -> session.intent() == intent).forEach(session -> {
            synchronized (session) {
                if (session.state() == State.OPEN) {
                    session.complete();
                    webhooks.publish("checkout.session.completed", StripeObjects.checkoutSession(session),
                            webhookDelay);
                }
            }
        });
    }

    private void expireIfOpen(SandboxCheckoutSession session) {
        synchronized (session) {
            if (session.state() == State.OPEN) {
                expire(session);
            }
        }
    }

    /** Like Stripe, expiring a session cancels its PaymentIntent. */
    private void expire(SandboxCheckoutSession session) {
        session.expire();
        SandboxIntent intent = session.intent();
        if (intent != null) {
            synchronized (intent) {
                if (intent.awaitsCard()) {
                    intent.cancel(clock.instant());
                    webhooks.publish("payment_intent.canceled", StripeObjects.paymentIntent(intent), webhookDelay);
                }
            }
        }
        webhooks.publish("checkout.session.expired", StripeObjects.checkoutSession(session), webhookDelay);
    }

    private SandboxCheckoutSession byId(String sessionId) {
        SandboxCheckoutSession session = sessionId == null ? null : byId.get(sessionId);
        if (session == null) {
            throw SandboxIntent.invalidRequest("No such checkout.session: '" + sessionId
                    + "' (the sandbox forgets its sessions when the service restarts)");
        }
        return session;
    }

    private static CheckoutSession view(SandboxCheckoutSession session) {
        String intent = session.intent() == null ? null : session.intent().terms().reference();
        return new CheckoutSession(session.terms().id(), session.state() == State.OPEN ? session.terms().url() : null,
                session.state(), session.paid(), intent);
    }
}
