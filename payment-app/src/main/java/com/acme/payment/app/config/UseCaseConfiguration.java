package com.acme.payment.app.config;

import com.acme.payment.adapter.postgres.PostgresPaymentNotifications;
import com.acme.payment.app.events.AfterCommitPaymentEvents;
import com.acme.payment.app.events.PaymentChangeListener;
import com.acme.payment.app.metrics.MeteredGatewayEvents;
import com.acme.payment.app.metrics.PaymentChangeMetrics;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.NotificationSender;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.port.out.TransactionRunner;
import com.acme.payment.domain.service.CancelPaymentService;
import com.acme.payment.domain.service.DispatchNotificationsService;
import com.acme.payment.domain.service.DisputeService;
import com.acme.payment.domain.service.ExportPaymentsService;
import com.acme.payment.domain.service.GatewayEventService;
import com.acme.payment.domain.service.PaymentAttentionService;
import com.acme.payment.domain.service.PaymentQueryService;
import com.acme.payment.domain.service.ReconcilePaymentsService;
import com.acme.payment.domain.service.RefundPaymentService;
import com.acme.payment.domain.service.StartHostedCheckoutService;
import com.acme.payment.domain.service.StartPaymentService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The domain's use-case services, created with {@code new}: the core knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PaymentCatalog paymentCatalog(PaymentProperties properties) {
        return new PaymentCatalog(properties.serviceTypes(), properties.currencies());
    }

    /** Each use case's transaction boundary: the domain asks for one, Spring's transaction manager runs it. */
    @Bean
    TransactionRunner transactionRunner(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        return new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        };
    }

    /**
     * Stored payment changes reach every {@link PaymentChangeListener} bean of this instance after their transaction
     * commits, and every instance's status streams through a NOTIFY that commits with them. Primary: the NOTIFY
     * alone is a PaymentEvents too.
     */
    @Bean
    @Primary
    PaymentEvents paymentEvents(ObjectProvider<PaymentChangeListener> listeners,
                                PostgresPaymentNotifications notifications) {
        PaymentEvents local = new AfterCommitPaymentEvents(() -> listeners.orderedStream().toList());
        return change -> {
            local.publish(change);
            notifications.publish(change);
        };
    }

    @Bean
    PaymentChangeMetrics paymentChangeMetrics(MeterRegistry meters) {
        return new PaymentChangeMetrics(meters);
    }

    @Bean
    StartPaymentService startPaymentService(PaymentRepository repository, PaymentGateway gateway,
                                            TransactionRunner transactions, PaymentEvents events,
                                            PaymentCatalog catalog, Clock clock) {
        return new StartPaymentService(repository, gateway, transactions, events, catalog, clock);
    }

    @Bean
    StartHostedCheckoutService startHostedCheckoutService(StartPaymentService payments, HostedCheckout checkout,
                                                          PaymentCatalog catalog, PaymentRepository repository,
                                                          TransactionRunner transactions, PaymentEvents events,
                                                          PaymentProperties properties, Clock clock) {
        return new StartHostedCheckoutService(payments, checkout, catalog, repository, transactions, events,
                properties.publicUrl().toString(), clock);
    }

    @Bean
    PaymentQueryService paymentQueryService(PaymentQueries queries) {
        return new PaymentQueryService(queries);
    }

    /** What webhooks, the sandbox and the reconciler call: the event service, counted by source and outcome. */
    @Bean
    MeteredGatewayEvents gatewayEvents(GatewayEventVerifier verifier, PaymentRepository repository,
                                       GatewayEventLedger handledEvents, TransactionRunner transactions,
                                       PaymentEvents events, PaymentNotifier notifier, DisputeStore disputes,
                                       Clock clock, MeterRegistry meters, RefundLedger refunds) {
        GatewayEventService service = new GatewayEventService(verifier, repository, handledEvents, transactions,
                events, notifier, disputes, clock, refunds);
        return new MeteredGatewayEvents(service, service, service, meters);
    }

    @Bean
    PaymentAttentionService paymentAttentionService(PaymentQueries queries, Clock clock) {
        return new PaymentAttentionService(queries, clock);
    }

    @Bean
    RefundPaymentService refundPaymentService(PaymentRepository repository, RefundLedger refunds,
                                              PaymentGateway gateway, TransactionRunner transactions,
                                              PaymentEvents events, PaymentNotifier notifier, Clock clock) {
        return new RefundPaymentService(repository, refunds, gateway, transactions, events, notifier, clock);
    }

    @Bean
    CancelPaymentService cancelPaymentService(PaymentRepository repository, PaymentGateway gateway,
                                              HostedCheckout checkout, TransactionRunner transactions,
                                              PaymentEvents events, Clock clock) {
        return new CancelPaymentService(repository, gateway, checkout, transactions, events, clock);
    }

    @Bean
    ReconcilePaymentsService reconcilePaymentsService(PaymentRepository repository, PaymentGateway gateway,
                                                      HostedCheckout checkout, ApplyGatewayEventUseCase gatewayEvents,
                                                      TransactionRunner transactions, PaymentEvents events,
                                                      Clock clock, PaymentProperties properties,
                                                      RefundLedger refunds, PaymentNotifier notifier) {
        PaymentProperties.Reconciler settings = properties.reconciler();
        return new ReconcilePaymentsService(repository, gateway, checkout, gatewayEvents, transactions, events, clock,
                settings.staleAfter(), settings.abandonAfter(), settings.batchSize(), refunds, notifier);
    }

    @Bean
    DisputeService disputeService(DisputeStore disputes, DisputeGateway gateway, PaymentRepository repository,
                                  TransactionRunner transactions, PaymentEvents events, PaymentNotifier notifier,
                                  Clock clock, PaymentProperties properties) {
        return new DisputeService(disputes, gateway, repository, transactions, events, notifier, clock,
                properties.disputes().remindBefore());
    }

    @Bean
    DispatchNotificationsService dispatchNotificationsService(NotificationOutbox outbox, NotificationSender sender,
                                                              Clock clock, PaymentProperties properties) {
        PaymentProperties.Outbox settings = properties.outbox();
        return new DispatchNotificationsService(outbox, sender, clock, settings.batchSize(), settings.maxAttempts(),
                settings.firstBackoff(), settings.lease());
    }

    @Bean
    ExportPaymentsService exportPaymentsService(PaymentQueries queries, TransactionRunner transactions) {
        return new ExportPaymentsService(queries, transactions);
    }
}
