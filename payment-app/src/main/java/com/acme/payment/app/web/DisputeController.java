package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.DisputeEvidenceRequest;
import com.acme.payment.app.web.dto.DisputePageResponse;
import com.acme.payment.app.web.dto.DisputeResponse;
import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.port.in.AnswerDisputeUseCase;
import com.acme.payment.domain.port.in.ListDisputesUseCase;
import com.acme.payment.domain.query.PaymentSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disputes and the merchant's answers to them; under /api/admin, so HTTP Basic like every admin call. */
@RestController
@RequestMapping("/api/admin/disputes")
@Tag(name = "admin")
@SecurityRequirement(name = "adminBasic")
public class DisputeController {

    private final ListDisputesUseCase listDisputes;
    private final AnswerDisputeUseCase answerDispute;
    private final PaymentWebMapper mapper;

    public DisputeController(ListDisputesUseCase listDisputes, AnswerDisputeUseCase answerDispute,
                             PaymentWebMapper mapper) {
        this.listDisputes = listDisputes;
        this.answerDispute = answerDispute;
        this.mapper = mapper;
    }

    @Operation(operationId = "listDisputes", summary = "Disputes, newest first")
    @GetMapping
    public DisputePageResponse list(
            @RequestParam(required = false) DisputeStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PaymentSearch.MAX_PAGE_SIZE) int size) {
        return mapper.toDisputePage(listDisputes.list(status, page, size));
    }

    @Operation(operationId = "submitDisputeEvidence", summary = "Save or submit text evidence for a dispute")
    @PostMapping("/{disputeId}/evidence")
    public DisputeResponse evidence(
            @PathVariable String disputeId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            @RequestBody DisputeEvidenceRequest request, Principal admin) {
        DisputeEvidence evidence = new DisputeEvidence(request.productDescription(), request.customerCommunication(),
                request.uncategorizedText());
        return mapper.toDispute(answerDispute.submitEvidence(new AnswerDisputeUseCase.EvidenceCommand(disputeId,
                evidence, Boolean.TRUE.equals(request.submit()), idempotencyKey, admin.getName())));
    }

    @Operation(operationId = "closeDispute", summary = "Accept the loss of a dispute")
    @PostMapping("/{disputeId}/close")
    public DisputeResponse close(
            @PathVariable String disputeId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String idempotencyKey,
            Principal admin) {
        return mapper.toDispute(answerDispute.close(new AnswerDisputeUseCase.CloseCommand(disputeId, idempotencyKey,
                admin.getName())));
    }
}
