package com.acme.payment.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problem types openapi.yaml documents, with their status and title. */
public enum ProblemType {
    VALIDATION_ERROR("validation-error", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_SIGNATURE("invalid-signature", HttpStatus.BAD_REQUEST, "Invalid webhook"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    INVALID_STATE("invalid-state", HttpStatus.CONFLICT, "Not allowed in the payment's status"),
    USER_EXISTS("user-exists", HttpStatus.CONFLICT, "User exists"),
    REFUND_EXCEEDS_REFUNDABLE("refund-exceeds-refundable", HttpStatus.CONFLICT, "Refund not possible"),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request too slow"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    GATEWAY_ERROR("gateway-error", HttpStatus.BAD_GATEWAY, "Payment gateway error"),
    GATEWAY_UNAVAILABLE("gateway-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Payment gateway unavailable"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    EVENT_PAYLOAD_PURGED("event-payload-purged", HttpStatus.CONFLICT, "Event payload purged");

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create("urn:payment:problem:" + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
