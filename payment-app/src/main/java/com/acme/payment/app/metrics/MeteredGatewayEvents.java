package com.acme.payment.app.metrics;

import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Counts webhook events by outcome: applied, duplicate, stale, ignored, unknown_payment, rejected. */
public class MeteredGatewayEvents implements ReceiveGatewayEventUseCase {

    private final ReceiveGatewayEventUseCase delegate;
    private final MeterRegistry meters;

    public MeteredGatewayEvents(ReceiveGatewayEventUseCase delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public EventOutcome receive(String payload, String signatureHeader) {
        try {
            EventOutcome outcome = delegate.receive(payload, signatureHeader);
            count(outcome.name().toLowerCase(Locale.ROOT));
            return outcome;
        } catch (InvalidWebhookException rejected) {
            count("rejected");
            throw rejected;
        }
    }

    private void count(String outcome) {
        meters.counter("webhook.events", "outcome", outcome).increment();
    }
}
