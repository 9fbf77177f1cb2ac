package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Named as openapi.yaml's schema; the Java name keeps it apart from SignatureFailures.SignatureFailure. */
@Schema(name = "SignatureFailure")
public record SignatureFailureResponse(Instant at, String clientAddress, String reason) {
}
