package com.acme.payment.app.web.dto;

/** Who is signed in. */
public record SessionResponse(String username, String role) {
}
