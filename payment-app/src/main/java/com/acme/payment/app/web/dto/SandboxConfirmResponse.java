package com.acme.payment.app.web.dto;

public record SandboxConfirmResponse(String paymentId, String outcome, String declineCode, String message) {
}
