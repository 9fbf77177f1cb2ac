package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.TypedText;
import java.util.Objects;

/** The merchant's answers to a dispute: evidence, or accepting the loss. Each records which admin acted. */
public interface AnswerDisputeUseCase {

    Dispute submitEvidence(EvidenceCommand command);

    Dispute close(CloseCommand command);

    record EvidenceCommand(String disputeId, DisputeEvidence evidence, boolean submit, String idempotencyKey,
                           String admin) {

        public EvidenceCommand {
            Objects.requireNonNull(evidence, "evidence");
            TypedText.require("Idempotency-Key", idempotencyKey);
            Objects.requireNonNull(admin, "admin");
        }
    }

    record CloseCommand(String disputeId, String idempotencyKey, String admin) {

        public CloseCommand {
            TypedText.require("Idempotency-Key", idempotencyKey);
            Objects.requireNonNull(admin, "admin");
        }
    }
}
