package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The dashboard's series (GET /api/admin/stats/daily). */
public record DailyStats(List<Day> days, List<DeclineReason> declineReasons) {

    /** @param net captured minus refunded, in minor units */
    @Schema(name = "DailyStatsDay")
    public record Day(LocalDate date, String currency, long net, long succeeded, long failed) {
    }

    @Schema(name = "DeclineReason")
    public record DeclineReason(String reason, long count) {
    }
}
