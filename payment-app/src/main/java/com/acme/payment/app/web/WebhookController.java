package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.WebhookAck;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks. The body is taken raw, as a String, because the signature covers the exact bytes.
 * Every event we can store is acknowledged with 2xx (also duplicates and unknown types), so Stripe
 * does not retry it for days.
 */
@RestController
@Tag(name = "webhook")
public class WebhookController {

    private final ReceiveGatewayEventUseCase receiveGatewayEvent;

    public WebhookController(ReceiveGatewayEventUseCase receiveGatewayEvent) {
        this.receiveGatewayEvent = receiveGatewayEvent;
    }

    @Operation(operationId = "receiveStripeWebhook", summary = "Receive a Stripe event")
    @PostMapping("/api/payment/stripe/webhook")
    public WebhookAck receive(@RequestHeader("Stripe-Signature") String signature, @RequestBody String payload) {
        EventOutcome outcome = receiveGatewayEvent.receive(payload, signature);
        return new WebhookAck(true, outcome.name().toLowerCase(Locale.ROOT));
    }
}
