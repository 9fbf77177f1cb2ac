package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(name = "AdminUser")
public record AdminUserResponse(String username, String role, boolean enabled, Instant createdAt) {
}
