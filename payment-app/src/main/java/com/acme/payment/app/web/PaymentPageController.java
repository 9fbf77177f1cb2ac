package com.acme.payment.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Payment page's and the console's client-side routes all load the single-page app; /api/** never does. */
@Controller
@Hidden
public class PaymentPageController {

    @GetMapping({"/payment", "/payment/{paymentId}", "/sandbox/checkout/{sessionId}", "/admin", "/admin/**"})
    public String paymentPage() {
        return "forward:/index.html";
    }
}
