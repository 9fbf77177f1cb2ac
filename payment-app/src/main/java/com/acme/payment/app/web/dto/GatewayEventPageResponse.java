package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Named as openapi.yaml's schema; the Java name keeps it apart from the domain's GatewayEventPage. */
@Schema(name = "GatewayEventPage")
public record GatewayEventPageResponse(List<GatewayEventResponse> items, int page, int size, long totalItems,
                                       int totalPages) {
}
