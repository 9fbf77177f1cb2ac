package com.acme.payment.app.web;

import com.acme.payment.adapter.sandbox.SandboxConfirmation;
import com.acme.payment.adapter.sandbox.SandboxPaymentGateway;
import com.acme.payment.app.config.SandboxMode;
import com.acme.payment.app.web.dto.SandboxAuthenticateRequest;
import com.acme.payment.app.web.dto.SandboxConfirmRequest;
import com.acme.payment.app.web.dto.SandboxConfirmResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

    private final SandboxPaymentGateway sandbox;

    public SandboxController(SandboxPaymentGateway sandbox) {
        this.sandbox = sandbox;
    }

    @Operation(operationId = "confirmSandboxPayment", summary = "Pay with a test card")
    @PostMapping("/confirm")
    public SandboxConfirmResponse confirm(@PathVariable String paymentId, @Valid @RequestBody SandboxConfirmRequest request) {
        return response(sandbox.confirm(paymentId, request.clientSecret(), request.cardNumber(), request.expiry(),
                request.cvc()));
    }

    @Operation(operationId = "authenticateSandboxPayment", summary = "Complete or fail 3-D Secure")
    @PostMapping("/authenticate")
    public SandboxConfirmResponse authenticate(@PathVariable String paymentId,
                                               @Valid @RequestBody SandboxAuthenticateRequest request) {
        return response(sandbox.authenticate(paymentId, request.clientSecret(), request.approve()));
    }

    private static SandboxConfirmResponse response(SandboxConfirmation confirmation) {
        return new SandboxConfirmResponse(confirmation.paymentId(), confirmation.outcome().apiName(),
                confirmation.declineCode(), confirmation.message());
    }
}
