package com.acme.payment.domain.query;

import com.acme.payment.domain.model.PaymentStatus;
import java.util.List;
import java.util.Map;

/** Payments counted by status, and captured money per currency. */
public record PaymentStatistics(Map<PaymentStatus, Long> countsByStatus, List<CurrencyRevenue> revenue) {

    public PaymentStatistics {
        countsByStatus = Map.copyOf(countsByStatus);
        revenue = List.copyOf(revenue);
    }

    /**
     * Gross of payments that were captured, what was refunded of them, what disputes took from them (funds withdrawn
     * and not reinstated), and the net: gross - refunded - disputed.
     */
    public record CurrencyRevenue(String currency, long grossAmount, long refundedAmount, long disputedAmount) {

        public long netAmount() {
            return grossAmount - refundedAmount - disputedAmount;
        }
    }
}
