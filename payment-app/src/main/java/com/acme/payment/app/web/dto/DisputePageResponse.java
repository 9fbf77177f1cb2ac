package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "DisputePage")
public record DisputePageResponse(List<DisputeResponse> items, int page, int size, long totalItems, int totalPages) {
}
