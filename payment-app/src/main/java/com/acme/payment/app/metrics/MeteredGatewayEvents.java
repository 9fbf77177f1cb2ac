package com.acme.payment.app.metrics;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.in.HandleGatewayEventUseCase;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts gateway events by source (webhook, reconciler, admin) and outcome: applied, duplicate, stale, ignored,
 * unknown_payment, rejected, failed.
 */
public class MeteredGatewayEvents implements ReceiveGatewayEventUseCase, HandleGatewayEventUseCase,
        ApplyGatewayEventUseCase {

    private final ReceiveGatewayEventUseCase webhooks;
    private final HandleGatewayEventUseCase trusted;
    private final ApplyGatewayEventUseCase events;
    private final MeterRegistry meters;

    public MeteredGatewayEvents(ReceiveGatewayEventUseCase webhooks, HandleGatewayEventUseCase trusted,
                                ApplyGatewayEventUseCase events, MeterRegistry meters) {
        this.webhooks = webhooks;
        this.trusted = trusted;
        this.events = events;
        this.meters = meters;
    }

    @Override
    public EventOutcome receive(String payload, String signatureHeader) {
        try {
            EventOutcome outcome = webhooks.receive(payload, signatureHeader);
            count(ChangeSource.WEBHOOK, outcome.name());
            return outcome;
        } catch (InvalidWebhookException rejected) {
            count(ChangeSource.WEBHOOK, "rejected");
            throw rejected;
        }
    }

    @Override
    public EventOutcome handle(ReceivedGatewayEvent event, ChangeSource source) {
        try {
            EventOutcome outcome = trusted.handle(event, source);
            count(source, outcome.name());
            return outcome;
        } catch (RuntimeException failed) {
            count(source, "failed");
            throw failed;
        }
    }

    @Override
    public EventOutcome apply(GatewayEvent event, ChangeSource source) {
        EventOutcome outcome = events.apply(event, source);
        count(source, outcome.name());
        return outcome;
    }

    private void count(ChangeSource source, String outcome) {
        meters.counter("gateway.events", "source", source.name().toLowerCase(Locale.ROOT),
                "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }
}
