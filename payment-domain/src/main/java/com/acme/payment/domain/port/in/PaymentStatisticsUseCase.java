package com.acme.payment.domain.port.in;

import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.PaymentStatistics;
import java.time.Instant;

public interface PaymentStatisticsUseCase {

    /** Payments created in [from, to); either end may be null. */
    PaymentStatistics statistics(Instant from, Instant to);

    /** Per UTC day and currency, and the top decline reasons, for payments created in [from, to). */
    DailyStatistics dailyStatistics(Instant from, Instant to);
}
