package com.acme.payment.app.web.dto;

public record CreatePaymentResponse(String paymentId, String clientSecret, String status, long amount,
                                    String currency) {
}
