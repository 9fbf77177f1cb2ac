package com.acme.payment.app.web.dto;

/** @param url the hosted checkout page to send the customer to */
public record CheckoutSessionResponse(String paymentId, String url) {
}
