package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.Positive;

/** Amount omitted: refund everything that is left. The domain checks the reason (TypedText). */
public record RefundRequest(@Positive Long amount, String reason) {
}
