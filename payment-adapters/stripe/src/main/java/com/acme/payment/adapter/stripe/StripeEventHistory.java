package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import com.acme.payment.domain.port.out.GatewayEventSource;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.param.EventListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stripe's Events API ({@code GET /v1/events}): the events of the handled types since a time, paged with
 * {@code starting_after} while {@code has_more}.
 */
public class StripeEventHistory implements GatewayEventSource {

    private static final long PAGE_SIZE = 100;

    private final StripeClient client;

    public StripeEventHistory(StripeSettings settings) {
        this.client = settings.newClient();
    }

    @Override
    public List<String> eventsSince(Instant since) {
        EventListParams params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .addAllType(HandledStripeEvents.TYPES)
                .setLimit(PAGE_SIZE)
                .build();
        List<String> payloads = new ArrayList<>();
        try {
            for (Event event : client.v1().events().list(params).autoPagingIterable()) {
                payloads.add(event.toJson());
            }
        } catch (StripeException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            // the auto-paging iterator wraps the StripeException of a later page
            if (e.getCause() instanceof StripeException stripe) {
                throw unavailable(stripe);
            }
            throw e;
        }
        Collections.reverse(payloads); // Stripe lists newest first
        return payloads;
    }

    private static GatewayException unavailable(StripeException e) {
        return new GatewayException(Reason.UNAVAILABLE, "Stripe could not list events (HTTP " + e.getStatusCode()
                + ", request " + e.getRequestId() + ")", null, "Stripe's events cannot be listed right now.", e);
    }
}
