package com.acme.payment.domain.port.in;

import com.acme.payment.domain.query.PaymentStatistics;
import java.time.Instant;

public interface PaymentStatisticsUseCase {

    /** Payments created in [from, to); either end may be null. */
    PaymentStatistics statistics(Instant from, Instant to);
}
