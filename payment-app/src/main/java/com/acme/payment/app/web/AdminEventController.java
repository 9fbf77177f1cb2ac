package com.acme.payment.app.web;

import com.acme.payment.app.eventlog.SignatureFailures;
import com.acme.payment.app.web.dto.BackfillRequest;
import com.acme.payment.app.web.dto.BackfillResponse;
import com.acme.payment.app.web.dto.GatewayEventPageResponse;
import com.acme.payment.app.web.dto.GatewayEventResponse;
import com.acme.payment.app.web.dto.ReplayResponse;
import com.acme.payment.app.web.dto.SignatureFailureResponse;
import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase;
import com.acme.payment.domain.port.in.ListGatewayEventsUseCase;
import com.acme.payment.domain.port.in.ReplayGatewayEventUseCase;
import com.acme.payment.domain.query.GatewayEventPage;
import com.acme.payment.domain.query.GatewayEventSearch;
import com.acme.payment.domain.query.PaymentSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway event log: list, inspect, replay, backfill, and rejected webhooks. Replay and backfill are writes and
 * sit under the same rule as refunds (SecurityConfiguration's admin chain).
 */
@RestController
@RequestMapping("/api/admin/events")
@Tag(name = "admin")
@SecurityRequirement(name = "adminBasic")
public class AdminEventController {

    private final ListGatewayEventsUseCase events;
    private final ReplayGatewayEventUseCase replay;
    private final BackfillGatewayEventsUseCase backfill;
    private final SignatureFailures signatureFailures;

    public AdminEventController(ListGatewayEventsUseCase events, ReplayGatewayEventUseCase replay,
                                BackfillGatewayEventsUseCase backfill, SignatureFailures signatureFailures) {
        this.events = events;
        this.replay = replay;
        this.backfill = backfill;
        this.signatureFailures = signatureFailures;
    }

    @Operation(operationId = "listGatewayEvents", summary = "The gateway event log, newest received first")
    @GetMapping
    public GatewayEventPageResponse list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) LoggedEventOutcome outcome,
            @RequestParam(required = false) String paymentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PaymentSearch.MAX_PAGE_SIZE) int size) {
        GatewayEventPage found = events.list(new GatewayEventSearch(type, outcome, paymentId, from, to, page, size));
        return new GatewayEventPageResponse(found.items().stream().map(event -> response(event, false)).toList(),
                found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @Operation(operationId = "getGatewayEvent", summary = "One logged event with its payload")
    @GetMapping("/{eventId}")
    public GatewayEventResponse detail(@PathVariable String eventId) {
        return response(events.get(eventId), true);
    }

    @Operation(operationId = "replayGatewayEvent", summary = "Handle a logged event's payload again, exactly once")
    @PostMapping("/{eventId}/replay")
    public ReplayResponse replay(@PathVariable String eventId) {
        return new ReplayResponse(eventId, replay.replay(eventId).name().toLowerCase(Locale.ROOT));
    }

    @Operation(operationId = "backfillGatewayEvents", summary = "Handle the gateway's events since a time, each once")
    @PostMapping("/backfill")
    public BackfillResponse backfill(@Valid @RequestBody BackfillRequest request) {
        BackfillGatewayEventsUseCase.Report report = backfill.backfill(request.since(), ChangeSource.ADMIN);
        return new BackfillResponse(report.seen(), report.applied(), report.duplicate(), report.notApplied(),
                report.ignored(), report.failed());
    }

    @Operation(operationId = "listSignatureFailures", summary = "Webhooks rejected on this instance, newest first")
    @GetMapping("/signature-failures")
    public List<SignatureFailureResponse> signatureFailures() {
        return signatureFailures.newestFirst().stream()
                .map(failure -> new SignatureFailureResponse(failure.at(), failure.clientAddress(), failure.reason()))
                .toList();
    }

    private static GatewayEventResponse response(LoggedGatewayEvent event, boolean withPayload) {
        return new GatewayEventResponse(event.eventId(), event.type(), event.apiVersion(), event.createdAt(),
                event.receivedAt(), event.paymentId(), event.outcome() == null ? null : event.outcome().apiName(),
                event.failureReason(), event.duplicates(), event.payload() != null,
                withPayload ? event.payload() : null);
    }
}
