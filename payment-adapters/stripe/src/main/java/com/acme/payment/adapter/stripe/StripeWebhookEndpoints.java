package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointListParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which handled event types the account's webhook endpoints ({@code GET /v1/webhook_endpoints}) would send. */
public class StripeWebhookEndpoints {

    private final StripeClient client;

    public StripeWebhookEndpoints(StripeSettings settings) {
        this.client = settings.newClient();
    }

    /**
     * The handled types that the enabled endpoint closest to covering them all does not send: empty when one
     * covers every type; every type when no endpoint is enabled.
     *
     * @throws GatewayException when Stripe cannot be asked
     */
    public List<String> missingTypes() {
        WebhookEndpointListParams params = WebhookEndpointListParams.builder().setLimit(100L).build();
        List<List<String>> missingPerEndpoint = new ArrayList<>();
        try {
            for (WebhookEndpoint endpoint : client.v1().webhookEndpoints().list(params).autoPagingIterable()) {
                if ("enabled".equals(endpoint.getStatus())) {
                    missingPerEndpoint.add(missing(endpoint.getEnabledEvents()));
                }
            }
        } catch (StripeException | RuntimeException e) {
            throw new GatewayException(Reason.UNAVAILABLE, "Stripe could not list the webhook endpoints: "
                    + e.getClass().getSimpleName(), null, null, e);
        }
        return missingPerEndpoint.stream().min(Comparator.comparingInt(List::size))
                .orElse(HandledStripeEvents.TYPES);
    }

    /** {@code *} enables every type. */
    private static List<String> missing(List<String> enabled) {
        if (enabled == null) {
            return HandledStripeEvents.TYPES;
        }
        if (enabled.contains("*")) {
            return List.of();
        }
        return HandledStripeEvents.TYPES.stream().filter(type -> !enabled.contains(type)).toList();
    }
}
