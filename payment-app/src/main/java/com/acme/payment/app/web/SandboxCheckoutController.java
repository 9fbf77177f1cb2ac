package com.acme.payment.app.web;

import com.acme.payment.app.config.SandboxMode;
import com.acme.payment.app.web.dto.SandboxCheckoutPage;
import com.acme.payment.domain.port.out.SandboxCheckoutPages;
import com.acme.payment.domain.port.out.SandboxCheckoutPages.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's imitation of Stripe's hosted checkout page reads its session here, then pays with the sandbox card
 * form's endpoints. Exists only in sandbox mode.
 */
@RestController
@Conditional(SandboxMode.class)
@Tag(name = "sandbox")
public class SandboxCheckoutController {

    private final SandboxCheckoutPages pages;

    public SandboxCheckoutController(SandboxCheckoutPages pages) {
        this.pages = pages;
    }

    @Operation(operationId = "getSandboxCheckoutSession", summary = "The sandbox checkout page's session")
    @GetMapping("/api/payment/sandbox/checkout/{sessionId}")
    public ResponseEntity<SandboxCheckoutPage> session(@PathVariable String sessionId) {
        Page page = pages.open(sessionId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SandboxCheckoutPage(page.sessionId(),
                page.paymentId(), page.clientSecret(), page.itemName(), page.amount(), page.currency(), page.status(),
                page.successUrl(), page.cancelUrl()));
    }
}
