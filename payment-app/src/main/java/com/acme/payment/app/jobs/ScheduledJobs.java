package com.acme.payment.app.jobs;

import com.acme.payment.domain.port.in.DispatchNotificationsUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase.Report;
import com.acme.payment.domain.port.out.JobLock;
import com.acme.payment.domain.port.out.RateLimiter;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The background work: sending the outbox, reconciling with the gateway, forgetting rate limits that are full
 * again. Several instances may run; the outbox and the rate-limit cleanup claim rows with SKIP LOCKED, the
 * reconciler runs under a database lock.
 */
public class ScheduledJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);
    private static final int EXPIRED_RATE_LIMITS_BATCH = 1000;

    private final DispatchNotificationsUseCase dispatchNotifications;
    private final ReconcilePaymentsUseCase reconcilePayments;
    private final JobLock jobLock;
    private final RateLimiter rateLimiter;

    public ScheduledJobs(DispatchNotificationsUseCase dispatchNotifications,
                         ReconcilePaymentsUseCase reconcilePayments, JobLock jobLock,
                         RateLimiter rateLimiter) {
        this.dispatchNotifications = dispatchNotifications;
        this.reconcilePayments = reconcilePayments;
        this.jobLock = jobLock;
        this.rateLimiter = rateLimiter;
    }

    @Scheduled(fixedDelayString = "${payment.outbox.interval}", initialDelayString = "${payment.outbox.interval}")
    public void dispatchNotifications() {
        try {
            while (dispatchNotifications.dispatchDue() > 0) {
                // keep going while there is a backlog
            }
        } catch (DataAccessException unavailable) {
            LOG.warn("outbox dispatch skipped, database unavailable: {}", unavailable.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${payment.reconciler.interval}", initialDelayString = "${payment.reconciler.interval}")
    public void reconcilePayments() {
        try {
            jobLock.runExclusively("reconcile-payments", () -> {
                Report report = reconcilePayments.reconcile();
                if (report.checked() > 0) {
                    LOG.info("reconciled {} waiting payments: {} updated, {} abandoned canceled, {} failed",
                            report.checked(), report.updated(), report.abandoned(), report.failed());
                }
                if (report.refundsSettled() > 0) {
                    LOG.info("settled {} refunds whose gateway answer was lost", report.refundsSettled());
                }
            });
        } catch (DataAccessException unavailable) {
            LOG.warn("reconciliation skipped, database unavailable: {}", unavailable.getMessage());
        }
    }

    /** One row per client address that started a payment or failed a sign-in: without this the table only grows. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    public void removeExpiredRateLimits() {
        try {
            while (rateLimiter.removeExpired(EXPIRED_RATE_LIMITS_BATCH) == EXPIRED_RATE_LIMITS_BATCH) {
                // keep going while whole batches come back
            }
        } catch (DataAccessException unavailable) {
            LOG.warn("rate-limit cleanup skipped, database unavailable: {}", unavailable.getMessage());
        }
    }
}
