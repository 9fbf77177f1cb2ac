package com.acme.payment.domain.query;

import java.time.LocalDate;
import java.util.List;

/** The dashboard's series: per UTC day and currency, and the commonest reasons payments failed. */
public record DailyStatistics(List<Day> days, List<DeclineReason> declineReasons) {

    public static final int TOP_DECLINE_REASONS = 10;

    public DailyStatistics {
        days = List.copyOf(days);
        declineReasons = List.copyOf(declineReasons);
    }

    /**
     * Payments created on {@code date} (UTC) in {@code currency}: net is captured minus refunded, in minor units;
     * succeeded counts captured payments (refunded ones too), failed the failed ones.
     */
    public record Day(LocalDate date, String currency, long net, long succeeded, long failed) {
    }

    /** @param reason the gateway's failure code */
    public record DeclineReason(String reason, long count) {
    }
}
