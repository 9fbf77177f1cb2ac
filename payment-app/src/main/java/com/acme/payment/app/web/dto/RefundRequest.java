package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Amount omitted: refund everything that is left. */
public record RefundRequest(@Positive Long amount, @Size(max = 500) String reason) {
}
