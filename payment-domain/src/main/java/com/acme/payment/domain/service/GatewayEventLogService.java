package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.EventPayloadPurgedException;
import com.acme.payment.domain.model.GatewayEventNotFoundException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase;
import com.acme.payment.domain.port.in.HandleGatewayEventUseCase;
import com.acme.payment.domain.port.in.ListGatewayEventsUseCase;
import com.acme.payment.domain.port.in.ReplayGatewayEventUseCase;
import com.acme.payment.domain.port.out.GatewayEventLog;
import com.acme.payment.domain.port.out.GatewayEventSource;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.query.GatewayEventPage;
import com.acme.payment.domain.query.GatewayEventSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The event log's queries, and the two ways an event is handled again: replay of a logged payload, and backfill
 * from the gateway's own list. Both go through the webhook's handling, so each event still counts once.
 */
public class GatewayEventLogService implements ListGatewayEventsUseCase, ReplayGatewayEventUseCase,
        BackfillGatewayEventsUseCase {

    private final GatewayEventLog log;
    private final GatewayEventVerifier verifier;
    private final GatewayEventSource source;
    private final HandleGatewayEventUseCase events;
    private final Clock clock;

    public GatewayEventLogService(GatewayEventLog log, GatewayEventVerifier verifier, GatewayEventSource source,
                                  HandleGatewayEventUseCase events, Clock clock) {
        this.log = log;
        this.verifier = verifier;
        this.source = source;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public GatewayEventPage list(GatewayEventSearch search) {
        return log.search(search);
    }

    @Override
    public LoggedGatewayEvent get(String eventId) {
        return log.find(eventId).orElseThrow(() -> new GatewayEventNotFoundException(eventId));
    }

    @Override
    public EventOutcome replay(String eventId) {
        LoggedGatewayEvent logged = get(eventId);
        if (logged.payload() == null) {
            throw new EventPayloadPurgedException(eventId);
        }
        return events.handle(verifier.trusted(logged.payload()), ChangeSource.ADMIN);
    }

    /** One event failing does not stop the others: it is logged as failed and counted. */
    @Override
    public Report backfill(Instant since, ChangeSource changeSource) {
        Instant now = clock.instant();
        if (since == null) {
            throw new InvalidPaymentRequestException("since", "since is required");
        }
        if (since.isAfter(now)) {
            throw new InvalidPaymentRequestException("since", "since must not be in the future");
        }
        if (since.isBefore(now.minus(GatewayEventSource.RETENTION))) {
            throw new InvalidPaymentRequestException("since", "since must be within the last "
                    + GatewayEventSource.RETENTION.toDays() + " days: the gateway keeps events no longer");
        }
        List<String> payloads = source.eventsSince(since);
        Map<EventOutcome, Integer> counts = new EnumMap<>(EventOutcome.class);
        int failed = 0;
        for (String payload : payloads) {
            try {
                counts.merge(events.handle(verifier.trusted(payload), changeSource), 1, Integer::sum);
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Report(payloads.size(), counts.getOrDefault(EventOutcome.APPLIED, 0),
                counts.getOrDefault(EventOutcome.DUPLICATE, 0), counts.getOrDefault(EventOutcome.STALE, 0),
                counts.getOrDefault(EventOutcome.IGNORED, 0) + counts.getOrDefault(EventOutcome.UNKNOWN_PAYMENT, 0),
                failed);
    }
}
