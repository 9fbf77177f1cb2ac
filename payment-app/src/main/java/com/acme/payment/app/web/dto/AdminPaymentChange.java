package com.acme.payment.app.web.dto;

/** A payment changed: which one and its version now. Nothing personal; the console reads the rest. */
public record AdminPaymentChange(String paymentId, long version) {
}
