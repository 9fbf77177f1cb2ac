package com.acme.payment.app.jobs;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase.Report;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.JobLock;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The event log's background work, each under the database lock so that one instance runs it: dropping payloads
 * past the retention, and the daily backfill from the gateway's Events API.
 */
public class EventLogJobs {

    private static final Logger LOG = LoggerFactory.getLogger(EventLogJobs.class);
    private static final int PURGE_BATCH = 1000;

    private final GatewayEventLedger ledger;
    private final BackfillGatewayEventsUseCase backfill;
    private final JobLock jobLock;
    private final Clock clock;
    private final Duration retention;
    private final Duration backfillLookback;

    public EventLogJobs(GatewayEventLedger ledger, BackfillGatewayEventsUseCase backfill, JobLock jobLock, Clock clock,
                        Duration retention, Duration backfillLookback) {
        this.ledger = ledger;
        this.backfill = backfill;
        this.jobLock = jobLock;
        this.clock = clock;
        this.retention = retention;
        this.backfillLookback = backfillLookback;
    }

    @Scheduled(fixedDelayString = "${payment.events.purge-interval}",
            initialDelayString = "${payment.events.purge-interval}")
    public void purgePayloads() {
        try {
            jobLock.runExclusively("purge-event-payloads", () -> {
                int purged = 0;
                int batch;
                do {
                    batch = ledger.purgePayloads(clock.instant().minus(retention), PURGE_BATCH);
                    purged += batch;
                } while (batch == PURGE_BATCH);
                if (purged > 0) {
                    LOG.info("dropped the payloads of {} gateway events older than {}", purged, retention);
                }
            });
        } catch (DataAccessException unavailable) {
            LOG.warn("event payload purge skipped, database unavailable: {}", unavailable.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${payment.events.backfill-interval}",
            initialDelayString = "${payment.events.backfill-interval}")
    public void backfill() {
        try {
            jobLock.runExclusively("backfill-gateway-events", () -> {
                Report report = backfill.backfill(clock.instant().minus(backfillLookback), ChangeSource.RECONCILER);
                LOG.info("backfilled gateway events: {}", report);
            });
        } catch (DataAccessException | GatewayException unavailable) {
            LOG.warn("event backfill skipped: {}", unavailable.getMessage());
        }
    }
}
