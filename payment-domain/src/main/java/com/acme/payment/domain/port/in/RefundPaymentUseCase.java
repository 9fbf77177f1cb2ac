package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.TypedText;

public interface RefundPaymentUseCase {

    Result refund(Command command);

    /**
     * @param amount null refunds everything that is left
     * @param actor the signed-in user who refunds, recorded in the payment's history
     */
    record Command(String paymentId, Long amount, String reason, String idempotencyKey, String actor) {

        public Command {
            TypedText.require("reason", reason, Refund.MAX_REASON_LENGTH);
            TypedText.require("Idempotency-Key", idempotencyKey);
        }
    }

    /** @param replayed true when an earlier request with the same idempotency key made the refund */
    record Result(Refund refund, boolean replayed) {
    }
}
