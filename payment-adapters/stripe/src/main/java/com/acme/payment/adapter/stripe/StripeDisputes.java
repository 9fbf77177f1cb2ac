package com.acme.payment.adapter.stripe;

import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Dispute;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Stripe's Dispute object as the domain's {@link GatewayDispute}. */
final class StripeDisputes {

    static final String FUNDS_WITHDRAWN = "charge.dispute.funds_withdrawn";
    static final String FUNDS_REINSTATED = "charge.dispute.funds_reinstated";

    private StripeDisputes() {
    }

    /**
     * @param eventType the event that carried it, or null for an API answer. The funds events say the money moved;
     *                  otherwise the dispute's balance transactions do (negative: withdrawn, positive: reinstated).
     * @return empty for a dispute on a charge without a PaymentIntent (not ours) or in a status we do not know
     */
    static Optional<GatewayDispute> toGatewayDispute(Dispute dispute, String eventType) {
        if (dispute.getPaymentIntent() == null || dispute.getAmount() == null || dispute.getCurrency() == null) {
            return Optional.empty();
        }
        DisputeStatus status;
        try {
            status = DisputeStatus.fromApiName(dispute.getStatus());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        List<BalanceTransaction> moves = dispute.getBalanceTransactions() == null ? List.of()
                : dispute.getBalanceTransactions();
        boolean withdrawn = FUNDS_WITHDRAWN.equals(eventType)
                || moves.stream().anyMatch(move -> move.getAmount() != null && move.getAmount() < 0);
        boolean reinstated = FUNDS_REINSTATED.equals(eventType)
                || moves.stream().anyMatch(move -> move.getAmount() != null && move.getAmount() > 0);
        Long dueBy = dispute.getEvidenceDetails() == null ? null : dispute.getEvidenceDetails().getDueBy();
        return Optional.of(new GatewayDispute(dispute.getId(), dispute.getPaymentIntent(), dispute.getAmount(),
                dispute.getCurrency().toUpperCase(Locale.ROOT), dispute.getReason(), status,
                dueBy == null ? null : Instant.ofEpochSecond(dueBy), withdrawn || reinstated, reinstated));
    }
}
