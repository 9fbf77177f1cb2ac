package com.acme.payment.app.jobs;

import com.acme.payment.domain.port.in.RemindDisputesUseCase;
import com.acme.payment.domain.port.out.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/** Reminds the merchant of dispute evidence deadlines; one instance at a time, under the database lock. */
public class DisputeReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(DisputeReminderJob.class);

    private final RemindDisputesUseCase remindDisputes;
    private final JobLock jobLock;

    public DisputeReminderJob(RemindDisputesUseCase remindDisputes, JobLock jobLock) {
        this.remindDisputes = remindDisputes;
        this.jobLock = jobLock;
    }

    @Scheduled(fixedDelayString = "${payment.disputes.reminder-interval}",
            initialDelayString = "${payment.disputes.reminder-interval}")
    public void remindDue() {
        try {
            jobLock.runExclusively("remind-disputes", () -> {
                int reminded = remindDisputes.remindDue();
                if (reminded > 0) {
                    LOG.info("queued {} dispute evidence reminders", reminded);
                }
            });
        } catch (DataAccessException unavailable) {
            LOG.warn("dispute reminders skipped, database unavailable: {}", unavailable.getMessage());
        }
    }
}
