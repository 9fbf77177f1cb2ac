package com.acme.payment.app.web;

import com.acme.payment.app.config.PaymentPageSettings;
import com.acme.payment.app.web.dto.CreatePaymentRequest;
import com.acme.payment.app.web.dto.CreatePaymentResponse;
import com.acme.payment.app.web.dto.PaymentConfig;
import com.acme.payment.app.web.dto.PaymentStatusResponse;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.GetPaymentStatusUseCase;
import com.acme.payment.domain.port.in.StartPaymentUseCase;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Command;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Result;
import com.acme.payment.domain.query.PaymentStatusView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The public endpoints the Payment page uses. */
@RestController
@RequestMapping(PaymentController.BASE_PATH)
@Tag(name = "payment")
public class PaymentController {

    static final String BASE_PATH = "/api/payment";
    static final String CREATE_INTENT = "/stripe/create-intent";
    /** The create-intent rate limit applies here (RequestLimitsConfiguration). */
    static final String CREATE_INTENT_PATH = BASE_PATH + CREATE_INTENT;

    private final StartPaymentUseCase startPayment;
    private final GetPaymentStatusUseCase getPaymentStatus;
    private final PaymentPageSettings pageSettings;
    private final PaymentWebMapper mapper;
    private final PaymentStatusStreams streams;

    public PaymentController(StartPaymentUseCase startPayment, GetPaymentStatusUseCase getPaymentStatus,
                             PaymentPageSettings pageSettings, PaymentWebMapper mapper,
                             PaymentStatusStreams streams) {
        this.startPayment = startPayment;
        this.getPaymentStatus = getPaymentStatus;
        this.pageSettings = pageSettings;
        this.mapper = mapper;
        this.streams = streams;
    }

    @Operation(operationId = "getPaymentConfig", summary = "Configuration the Payment page needs at run time")
    @GetMapping("/config")
    public PaymentConfig config() {
        return pageSettings.config();
    }

    @Operation(operationId = "createPaymentIntent", summary = "Start a payment")
    @PostMapping(path = PaymentController.CREATE_INTENT, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatePaymentResponse> createIntent(
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {
        Result result = startPayment.start(new Command(request.name(), request.email(), request.serviceType(),
                request.amount(), request.currency(), idempotencyKey, Map.of()));
        Payment payment = result.payment();
        CreatePaymentResponse body = new CreatePaymentResponse(payment.id().value(), result.clientSecret(),
                payment.status().apiName(), payment.amount().minorUnits(), payment.amount().currency());
        URI location = URI.create("/api/payment/status/" + payment.id().value());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(location).cacheControl(CacheControl.noStore()).body(body);
    }

    /**
     * The ETag is the payment's version, which every stored change raises: a matching If-None-Match gets 304
     * without rendering the body. The body is returned as such, not in a ResponseEntity: Spring MVC flushes a
     * ResponseEntity's headers before the length is known, and the server would then send this, the busiest answer,
     * chunked in two writes instead of one with a Content-Length. Declaring what it produces spares asking
     * every message converter on each poll.
     */
    @Operation(operationId = "getPaymentStatus", summary = "Current status of a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", required = false,
                    description = "ETag of the last answer; 304 when nothing changed"))
    @GetMapping(path = "/status/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PaymentStatusResponse status(@PathVariable String paymentId, WebRequest request,
                                        HttpServletResponse response) {
        PaymentStatusView payment = getPaymentStatus.getStatus(paymentId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        if (request.checkNotModified(Long.toString(payment.version()))) {
            return null;
        }
        return mapper.toStatusResponse(payment);
    }

    /**
     * The status as it changes, pushed: the current status at once, then one {@code status} event per stored
     * change (on any instance), {@code id} = the version. The stream ends after {@link EventStream#LIFETIME};
     * the browser then reconnects with Last-Event-ID and gets only what it has not seen.
     */
    @Operation(operationId = "streamPaymentStatus", summary = "Status changes of a payment as server-sent events")
    @GetMapping(path = "/status/{paymentId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter statusEvents(@PathVariable String paymentId,
                                   @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                   HttpServletRequest request, HttpServletResponse response) {
        EventStream.prepare(response);
        return streams.open(paymentId, lastEventId == null ? -1 : lastEventId, request.getRemoteAddr());
    }
}
