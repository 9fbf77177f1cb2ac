package com.acme.payment.app.web.dto;

/** One invalid input field of a problem+json response. */
public record FieldErrorResponse(String field, String message) {
}
