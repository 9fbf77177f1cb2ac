package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.GatewayEventSource;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.SandboxCardPayments;
import com.acme.payment.domain.port.out.SandboxCheckoutPages;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The gateway that runs offline and behaves like Stripe's test mode: it takes Stripe's test cards, and reports
 * what happens through Stripe-shaped events, signed with the webhook secret, that go through the same
 * verification and handling as real webhooks. Its two sides share one set of intents: the {@link PaymentGateway}
 * the service calls, and the {@link SandboxCardPayments} the card form calls.
 */
public final class Sandbox {

    private final PaymentGateway gateway;
    private final SandboxCardPayments cardPayments;
    private final DisputeGateway disputes;
    private final GatewayEventSource eventSource;
    private final SandboxCheckoutSessions checkoutSessions;

    /**
     * @param webhookReceiver supplied late, because the service that receives events also needs this gateway
     * @param scheduler       runs event deliveries and settlements; owned (and shut down) by the caller
     * @param pageBaseUrl     where the app serves its pages: the imitation of Stripe's checkout page is one of them
     */
    public Sandbox(SandboxSettings settings, String webhookSecret, Supplier<ReceiveGatewayEventUseCase> webhookReceiver,
                   ScheduledExecutorService scheduler, String pageBaseUrl, Clock clock) {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs a webhook secret to sign its events");
        }
        SandboxIntents intents = new SandboxIntents();
        SandboxEventHistory history = new SandboxEventHistory();
        SandboxWebhookSender webhooks = new SandboxWebhookSender(webhookSecret, webhookReceiver, scheduler, clock,
                settings.deliveryAttempts(), settings.firstRetryDelay(), history);
        SandboxDisputes sandboxDisputes = new SandboxDisputes(webhooks, settings.webhookDelay(), clock);
        this.gateway = new SandboxPaymentGateway(intents, webhooks, settings.webhookDelay(), clock);
        this.checkoutSessions = new SandboxCheckoutSessions(intents, webhooks, settings.webhookDelay(), pageBaseUrl,
                clock);
        this.cardPayments = new SandboxCardProcessor(intents, webhooks, sandboxDisputes, settings, clock,
                checkoutSessions::intentSucceeded);
        this.disputes = sandboxDisputes;
        this.eventSource = history;
    }

    public PaymentGateway gateway() {
        return gateway;
    }

    public SandboxCardPayments cardPayments() {
        return cardPayments;
    }

    public DisputeGateway disputes() {
        return disputes;
    }

    /** Every event the sandbox wrote, delivered or not: what backfill lists in sandbox mode. */
    public GatewayEventSource eventSource() {
        return eventSource;
    }

    public HostedCheckout hostedCheckout() {
        return checkoutSessions;
    }

    /** A port of its own, not the HostedCheckout object: the service and the page see different sides. */
    public SandboxCheckoutPages checkoutPages() {
        return checkoutSessions::open;
    }
}
