package com.acme.payment.app.config;

import com.acme.payment.adapter.sandbox.Sandbox;
import com.acme.payment.adapter.sandbox.SandboxSettings;
import com.acme.payment.adapter.sandbox.SandboxTestCard;
import com.acme.payment.adapter.stripe.StripeEventVerifier;
import com.acme.payment.adapter.stripe.StripePaymentGateway;
import com.acme.payment.adapter.stripe.StripeSettings;
import com.acme.payment.app.eventlog.SandboxWebhookOutage;
import com.acme.payment.app.metrics.TimedPaymentGateway;
import com.acme.payment.app.web.dto.PaymentConfig.TestCard;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.SandboxCardPayments;
import com.acme.payment.domain.port.out.SandboxCheckoutPages;
import com.acme.payment.domain.service.CheckoutTransactionIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Stripe when its keys are set; otherwise the offline sandbox. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    GatewayMode gatewayMode(StripeProperties stripe, PaymentProperties properties) {
        if (stripe.configured()) {
            boolean live = StripeSettings.isLiveKey(stripe.secretKey());
            LOG.info("Payments go through Stripe in {} mode{}", live ? "live" : "test",
                    blankToNull(stripe.apiBase()) == null ? "" : " at " + stripe.apiBase());
            return GatewayMode.stripe(stripe.webhookSecret(), stripe.publishableKey(), live);
        }
        LOG.warn("""

                ******************************************************************************************
                SANDBOX MODE: no Stripe keys are set. No real money moves: payments go through an offline
                sandbox gateway that accepts Stripe's test cards only, and the Payment page says so.
                To take real payments set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and
                STRIPE_WEBHOOK_SECRET (all three), and point a Stripe webhook endpoint at
                /api/payment/stripe/webhook.
                ******************************************************************************************""");
        return GatewayMode.sandbox(properties.sandbox().webhookSecret());
    }

    @Bean
    PaymentGateway paymentGateway(GatewayMode mode, StripeProperties stripe, ObjectProvider<Sandbox> sandbox,
                                  MeterRegistry meters) {
        PaymentGateway gateway = mode.isSandbox() ? sandbox.getObject().gateway()
                : new StripePaymentGateway(stripe.settings());
        return new TimedPaymentGateway(gateway, meters);
    }

    @Bean
    DisputeGateway disputeGateway(GatewayMode mode, StripeProperties stripe, ObjectProvider<Sandbox> sandbox) {
        return mode.isSandbox() ? sandbox.getObject().disputes()
                : new StripePaymentGateway(stripe.settings()).disputes();
    }

    /** Stripe Checkout (through a client of its own), or the sandbox's imitation of it. */
    @Bean
    HostedCheckout hostedCheckout(GatewayMode mode, StripeProperties stripe, ObjectProvider<Sandbox> sandbox) {
        return mode.isSandbox() ? sandbox.getObject().hostedCheckout()
                : new StripePaymentGateway(stripe.settings()).checkoutSessions();
    }

    /**
     * Real Stripe webhooks and the sandbox's events are verified by the same code; a paid checkout session's
     * transaction id is then asked of the gateway.
     */
    @Bean
    GatewayEventVerifier gatewayEventVerifier(GatewayMode mode, PaymentGateway paymentGateway, Clock clock) {
        return new CheckoutTransactionIds(new StripeEventVerifier(mode.webhookSecret(), mode.livemode(), clock),
                paymentGateway);
    }

    @Bean
    PaymentPageSettings paymentPageSettings(GatewayMode mode, PaymentCatalog catalog, PaymentProperties properties) {
        List<TestCard> testCards = mode.isSandbox() ? Arrays.stream(SandboxTestCard.values())
                .map(card -> new TestCard(card.number(), card.description())).toList() : List.of();
        return PaymentPageSettings.of(mode.name(), mode.publishableKey(), catalog, properties.pollIntervalMs(),
                testCards, properties.checkout());
    }

    @Bean(destroyMethod = "shutdownNow")
    @Conditional(SandboxMode.class)
    ScheduledExecutorService sandboxScheduler() {
        return Executors.newScheduledThreadPool(2, new CustomizableThreadFactory("sandbox-events-"));
    }

    /** Events reach the same use case as webhooks; supplied late because that use case needs this gateway. */
    @Bean
    @Conditional(SandboxMode.class)
    Sandbox sandbox(GatewayMode mode, PaymentProperties properties, ObjectProvider<ReceiveGatewayEventUseCase> events,
                    ScheduledExecutorService sandboxScheduler, Clock clock, SandboxWebhookOutage outage) {
        PaymentProperties.Sandbox configured = properties.sandbox();
        SandboxSettings settings = new SandboxSettings(configured.processingDelay(), configured.settleDelay(),
                configured.deliveryAttempts(), configured.firstRetryDelay());
        return new Sandbox(settings, mode.webhookSecret(), () -> outage.guard(events.getObject()), sandboxScheduler,
                properties.publicUrl().toString(), clock);
    }

    /** The sandbox card form's port; in stripe mode there is none, and its controller with it. */
    @Bean
    @Conditional(SandboxMode.class)
    SandboxCardPayments sandboxCardPayments(Sandbox sandbox) {
        return sandbox.cardPayments();
    }

    /** The sandbox's imitation of Stripe's hosted checkout page; in stripe mode there is none. */
    @Bean
    @Conditional(SandboxMode.class)
    SandboxCheckoutPages sandboxCheckoutPages(Sandbox sandbox) {
        return sandbox.checkoutPages();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
