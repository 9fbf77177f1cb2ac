package com.acme.payment.app.web.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record PaymentStats(Instant from, Instant to, Map<String, Long> countsByStatus,
                           List<CurrencyRevenue> revenue) {

    /** netAmount = grossAmount - refundedAmount - disputedAmount. */
    public record CurrencyRevenue(String currency, long grossAmount, long refundedAmount, long disputedAmount,
                                  long netAmount) {
    }
}
