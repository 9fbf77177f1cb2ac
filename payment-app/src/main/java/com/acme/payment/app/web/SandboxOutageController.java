package com.acme.payment.app.web;

import com.acme.payment.app.config.SandboxMode;
import com.acme.payment.app.eventlog.SandboxWebhookOutage;
import com.acme.payment.app.web.dto.WebhookOutage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox mode only (404 with Stripe keys): switch a webhook outage on and off, for drills. */
@RestController
@Conditional(SandboxMode.class)
@RequestMapping("/api/admin/sandbox/webhook-outage")
@Tag(name = "sandbox")
@SecurityRequirement(name = "adminBasic")
public class SandboxOutageController {

    private final SandboxWebhookOutage outage;

    public SandboxOutageController(SandboxWebhookOutage outage) {
        this.outage = outage;
    }

    @Operation(operationId = "getSandboxWebhookOutage", summary = "Whether sandbox webhooks fail as if answered 503")
    @GetMapping
    public WebhookOutage get() {
        return new WebhookOutage(outage.isDown());
    }

    @Operation(operationId = "setSandboxWebhookOutage", summary = "Make sandbox webhooks fail (or work) from now on")
    @PutMapping
    public WebhookOutage set(@Valid @RequestBody WebhookOutage request) {
        outage.set(request.down());
        return get();
    }
}
