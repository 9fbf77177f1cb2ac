package com.acme.payment.app.web.dto;

public record WebhookAck(boolean received, String outcome) {
}
