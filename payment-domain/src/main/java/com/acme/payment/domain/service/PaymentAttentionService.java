package com.acme.payment.domain.service;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.in.PaymentAttentionUseCase;
import com.acme.payment.domain.port.out.PaymentQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refund whose gateway answer was lost is settled by the reconciler within minutes; one still pending a day later
 * means the reconciler cannot reach the gateway about it, and its amount stays reserved until someone looks.
 */
public class PaymentAttentionService implements PaymentAttentionUseCase {

    public static final Duration UNSETTLED_REFUND_AFTER = Duration.ofHours(24);

    private final PaymentQueries queries;
    private final Clock clock;

    public PaymentAttentionService(PaymentQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Map<PaymentId, String> needingAttention(Collection<PaymentId> paymentIds) {
        Map<PaymentId, String> reasons = new LinkedHashMap<>();
        if (paymentIds.isEmpty()) {
            return reasons;
        }
        for (Refund refund : queries.findPendingRefunds(paymentIds, clock.instant().minus(UNSETTLED_REFUND_AFTER))) {
            reasons.putIfAbsent(refund.paymentId(), "refund " + refund.refundId() + " has waited for the gateway's"
                    + " answer since " + refund.createdAt() + "; its amount stays reserved until it is settled");
        }
        return reasons;
    }
}
