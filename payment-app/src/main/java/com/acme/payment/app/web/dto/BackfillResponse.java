package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "BackfillResult")
public record BackfillResponse(int seen, int applied, int duplicate, int notApplied, int ignored, int failed) {
}
