package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.CheckoutSessionResponse;
import com.acme.payment.app.web.dto.CreatePaymentRequest;
import com.acme.payment.domain.port.in.StartHostedCheckoutUseCase;
import com.acme.payment.domain.port.in.StartHostedCheckoutUseCase.Result;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Command;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The hosted checkout flow: create-intent's request, answered with the page to send the customer to. */
@RestController
@Tag(name = "payment")
public class HostedCheckoutController {

    /** The create-intent rate limit applies here too (RequestLimitsConfiguration). */
    static final String PATH = PaymentController.BASE_PATH + "/stripe/checkout-session";

    private final StartHostedCheckoutUseCase startCheckout;

    public HostedCheckoutController(StartHostedCheckoutUseCase startCheckout) {
        this.startCheckout = startCheckout;
    }

    @Operation(operationId = "createCheckoutSession", summary = "Start a payment on the hosted checkout page")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckoutSessionResponse> createCheckoutSession(
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {
        Result result = startCheckout.start(new Command(request.name(), request.email(), request.serviceType(),
                request.amount(), request.currency(), idempotencyKey, Map.of()));
        String paymentId = result.payment().id().value();
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/payment/status/" + paymentId)).cacheControl(CacheControl.noStore())
                .body(new CheckoutSessionResponse(paymentId, result.url()));
    }
}
