package com.acme.payment.app.web.dto;

import java.time.LocalDate;
import java.util.List;

/** The dashboard's series (GET /api/admin/stats/daily). */
public record DailyStats(List<Day> days, List<DeclineReason> declineReasons) {

    /** @param net captured minus refunded, in minor units */
    public record Day(LocalDate date, String currency, long net, long succeeded, long failed) {
    }

    public record DeclineReason(String reason, long count) {
    }
}
