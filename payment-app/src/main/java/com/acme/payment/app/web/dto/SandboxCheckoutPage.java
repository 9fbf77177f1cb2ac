package com.acme.payment.app.web.dto;

public record SandboxCheckoutPage(String sessionId, String paymentId, String clientSecret, String itemName,
                                  long amount, String currency, String status, String successUrl, String cancelUrl) {
}
