package com.acme.payment.app.web;

import com.acme.payment.app.config.SandboxMode;
import com.acme.payment.app.web.dto.SandboxAuthenticateRequest;
import com.acme.payment.app.web.dto.SandboxConfirmRequest;
import com.acme.payment.app.web.dto.SandboxConfirmResponse;
import com.acme.payment.domain.port.out.SandboxCardPayments;
import com.acme.payment.domain.port.out.SandboxCardPayments.Card;
import com.acme.payment.domain.port.out.SandboxCardPayments.Confirmation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox Payment page's card form. Exists only in sandbox mode; with Stripe keys these paths are 404. */
@RestController
@Conditional(SandboxMode.class)
@RequestMapping(path = "/api/payment/sandbox/payments/{paymentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sandbox")
public class SandboxController {

    private final SandboxCardPayments cardPayments;

    public SandboxController(SandboxCardPayments cardPayments) {
        this.cardPayments = cardPayments;
    }

    @Operation(operationId = "confirmSandboxPayment", summary = "Pay with a test card")
    @PostMapping("/confirm")
    public SandboxConfirmResponse confirm(@PathVariable String paymentId, @Valid @RequestBody SandboxConfirmRequest request) {
        return response(cardPayments.confirm(paymentId, request.clientSecret(),
                new Card(request.cardNumber(), request.expiry(), request.cvc())));
    }

    @Operation(operationId = "authenticateSandboxPayment", summary = "Complete or fail 3-D Secure")
    @PostMapping("/authenticate")
    public SandboxConfirmResponse authenticate(@PathVariable String paymentId,
                                               @Valid @RequestBody SandboxAuthenticateRequest request) {
        return response(cardPayments.authenticate(paymentId, request.clientSecret(), request.approve()));
    }

    private static SandboxConfirmResponse response(Confirmation confirmation) {
        String outcome = confirmation.outcome().name().toLowerCase(Locale.ROOT);
        return new SandboxConfirmResponse(confirmation.paymentId(), outcome, confirmation.declineCode(),
                confirmation.message());
    }
}
