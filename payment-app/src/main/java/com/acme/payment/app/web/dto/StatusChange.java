package com.acme.payment.app.web.dto;

import java.time.Instant;

public record StatusChange(String from, String to, String source, String gatewayEventId, boolean applied,
                           String detail, Instant occurredAt) {
}
