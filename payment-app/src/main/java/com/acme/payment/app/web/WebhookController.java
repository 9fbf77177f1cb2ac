package com.acme.payment.app.web;

import com.acme.payment.app.eventlog.SignatureFailures;
import com.acme.payment.app.web.dto.WebhookAck;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks. The body is taken raw, as a String, because the signature covers the exact bytes.
 * Every event we can store is acknowledged with 2xx (also duplicates and unknown types), so Stripe
 * does not retry it for days. A rejected webhook is counted and kept (without its body) for the events API.
 */
@RestController
@Tag(name = "webhook")
public class WebhookController {

    private final ReceiveGatewayEventUseCase receiveGatewayEvent;
    private final SignatureFailures signatureFailures;

    public WebhookController(ReceiveGatewayEventUseCase receiveGatewayEvent, SignatureFailures signatureFailures) {
        this.receiveGatewayEvent = receiveGatewayEvent;
        this.signatureFailures = signatureFailures;
    }

    @Operation(operationId = "receiveStripeWebhook", summary = "Receive a Stripe event")
    @PostMapping("/api/payment/stripe/webhook")
    public WebhookAck receive(@RequestHeader("Stripe-Signature") String signature, @RequestBody String payload,
                              HttpServletRequest request) {
        try {
            EventOutcome outcome = receiveGatewayEvent.receive(payload, signature);
            return new WebhookAck(true, outcome.name().toLowerCase(Locale.ROOT));
        } catch (InvalidWebhookException rejected) {
            signatureFailures.record(request.getRemoteAddr(), rejected.getMessage());
            throw rejected;
        }
    }
}
