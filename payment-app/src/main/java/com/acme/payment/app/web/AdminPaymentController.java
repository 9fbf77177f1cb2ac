package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.AdminPayment;
import com.acme.payment.app.web.dto.AdminPaymentChange;
import com.acme.payment.app.web.dto.AdminPaymentDetail;
import com.acme.payment.app.web.dto.AdminPaymentPage;
import com.acme.payment.app.web.dto.DailyStats;
import com.acme.payment.app.web.dto.PaymentStats;
import com.acme.payment.app.web.dto.RefundResponse;
import com.acme.payment.app.web.dto.RefundRequest;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.in.CancelPaymentUseCase;
import com.acme.payment.domain.port.in.ExportPaymentsUseCase;
import com.acme.payment.domain.port.in.GetPaymentDetailsUseCase;
import com.acme.payment.domain.port.in.ListPaymentsUseCase;
import com.acme.payment.domain.port.in.PaymentAttentionUseCase;
import com.acme.payment.domain.port.in.PaymentStatisticsUseCase;
import com.acme.payment.domain.port.in.RefundPaymentUseCase;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentFilter;
import com.acme.payment.domain.query.PaymentSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Back office: list, export, inspect, refund, cancel, statistics. Roles per endpoint: see SecurityConfiguration. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin")
@SecurityRequirement(name = "adminBasic")
public class AdminPaymentController {

    private static final String CURRENCY = "[A-Z]{3}";
    private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";
    private static final String SORT = "createdAt,(asc|desc)";
    private static final String SORT_MESSAGE = "must be createdAt,desc or createdAt,asc";

    private final ListPaymentsUseCase listPayments;
    private final GetPaymentDetailsUseCase getPaymentDetails;
    private final RefundPaymentUseCase refundPayment;
    private final CancelPaymentUseCase cancelPayment;
    private final PaymentStatisticsUseCase statistics;
    private final PaymentAttentionUseCase attention;
    private final ExportPaymentsUseCase exportPayments;
    private final PaymentWebMapper mapper;
    private final PaymentChangeStreams changeStreams;

    public AdminPaymentController(ListPaymentsUseCase listPayments, GetPaymentDetailsUseCase getPaymentDetails,
                                  RefundPaymentUseCase refundPayment, CancelPaymentUseCase cancelPayment,
                                  PaymentStatisticsUseCase statistics, PaymentAttentionUseCase attention,
                                  ExportPaymentsUseCase exportPayments,
                                  PaymentWebMapper mapper, PaymentChangeStreams changeStreams) {
        this.listPayments = listPayments;
        this.getPaymentDetails = getPaymentDetails;
        this.refundPayment = refundPayment;
        this.cancelPayment = cancelPayment;
        this.statistics = statistics;
        this.attention = attention;
        this.exportPayments = exportPayments;
        this.mapper = mapper;
        this.changeStreams = changeStreams;
    }

    @Operation(operationId = "listPayments", summary = "List and search payments, newest first unless sorted")
    @GetMapping("/payments")
    public AdminPaymentPage list(
            @RequestParam(required = false) List<PaymentStatus> status,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) @Size(max = PaymentFilter.MAX_TEXT_LENGTH) String q,
            @RequestParam(required = false) @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Pattern(regexp = SORT, message = SORT_MESSAGE) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PaymentSearch.MAX_PAGE_SIZE) int size) {
        PaymentPage found = listPayments.list(new PaymentSearch(
                filter(status, email, q, currency, from, to, sort), page, size));
        return mapper.toPage(found, attention.needingAttention(found.items().stream().map(Payment::id).toList()));
    }

    /**
     * Pushed to the console's list: a {@code changed} event (payment id and version) for each change of any payment,
     * stored by any instance. It ends after {@link EventStream#LIFETIME}; the browser then reconnects.
     */
    @Operation(operationId = "streamPaymentChanges", summary = "Changes of every payment as server-sent events")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = AdminPaymentChange.class)))
    @GetMapping(path = "/payments/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter changeEvents(Principal user, HttpServletResponse response) {
        EventStream.prepare(response);
        return changeStreams.open(user.getName());
    }

    /**
     * The list's filters as CSV, streamed as the rows are read: memory stays flat whatever the count. Written
     * straight to the response, so a long export is not cut by the async request timeout.
     */
    @Operation(operationId = "exportPayments", summary = "The payments the filters select, as CSV")
    @GetMapping(value = "/payments/export.csv", produces = "text/csv")
    public void export(
            @RequestParam(required = false) List<PaymentStatus> status,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) @Size(max = PaymentFilter.MAX_TEXT_LENGTH) String q,
            @RequestParam(required = false) @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Pattern(regexp = SORT, message = SORT_MESSAGE) String sort,
            HttpServletResponse response) throws IOException {
        PaymentFilter filter = filter(status, email, q, currency, from, to, sort);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("payments.csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        PaymentCsv csv = new PaymentCsv(out);
        exportPayments.export(filter, csv::write);
        out.flush();
    }

    private static PaymentFilter filter(List<PaymentStatus> statuses, String email, String q, String currency,
                                        Instant from, Instant to, String sort) {
        return new PaymentFilter(statuses == null ? Set.of() : Set.copyOf(statuses), email, q, currency, from, to,
                "createdAt,asc".equals(sort));
    }

    @Operation(operationId = "getPayment", summary = "One payment with its status history and refunds")
    @GetMapping("/payments/{paymentId}")
    public AdminPaymentDetail detail(@PathVariable String paymentId) {
        PaymentDetails details = getPaymentDetails.getDetails(paymentId);
        PaymentId id = details.payment().id();
        return mapper.toDetail(details, attention.needingAttention(List.of(id)).get(id));
    }

    @Operation(operationId = "refundPayment", summary = "Refund all or part of a payment")
    @PostMapping("/payments/{paymentId}/refunds")
    public ResponseEntity<RefundResponse> refund(
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            @Valid @RequestBody(required = false) RefundRequest request,
            Principal actor) {
        RefundRequest body = request == null ? new RefundRequest(null, null) : request;
        RefundPaymentUseCase.Result result = refundPayment.refund(new RefundPaymentUseCase.Command(paymentId,
                body.amount(), body.reason(), idempotencyKey, actor.getName()));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/admin/payments/" + paymentId))
                .body(mapper.toRefund(result.refund()));
    }

    @Operation(operationId = "cancelPayment", summary = "Cancel a payment that has not succeeded")
    @PostMapping("/payments/{paymentId}/cancel")
    public AdminPayment cancel(@PathVariable String paymentId, Principal actor) {
        // only a refund makes a payment need attention, and a payment that can be canceled has none
        return mapper.toAdminPayment(cancelPayment.cancel(paymentId, actor.getName()), null);
    }

    @Operation(operationId = "getPaymentStats", summary = "Counts by status and net revenue per currency")
    @GetMapping("/stats")
    public PaymentStats stats(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return mapper.toStats(statistics.statistics(from, to), from, to);
    }

    @Operation(operationId = "getDailyStats",
            summary = "Daily net revenue and succeeded/failed counts per currency; the top decline reasons")
    @GetMapping("/stats/daily")
    public DailyStats dailyStats(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return mapper.toDailyStats(statistics.dailyStatistics(from, to));
    }
}
