package com.acme.payment.app.jobs;

import com.acme.payment.app.config.EventLogProperties;
import com.acme.payment.domain.port.in.BackfillGatewayEventsUseCase;
import com.acme.payment.domain.port.in.DispatchNotificationsUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import com.acme.payment.domain.port.in.RemindDisputesUseCase;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.JobLock;
import com.acme.payment.domain.port.out.RateLimiter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class JobsConfiguration {

    @Bean
    ScheduledJobs scheduledJobs(DispatchNotificationsUseCase dispatchNotifications,
                                ReconcilePaymentsUseCase reconcilePayments, JobLock jobLock,
                                RateLimiter rateLimiter) {
        return new ScheduledJobs(dispatchNotifications, reconcilePayments, jobLock, rateLimiter);
    }

    @Bean
    DisputeReminderJob disputeReminderJob(RemindDisputesUseCase remindDisputes, JobLock jobLock) {
        return new DisputeReminderJob(remindDisputes, jobLock);
    }

    @Bean
    EventLogJobs eventLogJobs(GatewayEventLedger ledger, BackfillGatewayEventsUseCase backfill, JobLock jobLock,
                              Clock clock, EventLogProperties properties) {
        return new EventLogJobs(ledger, backfill, jobLock, clock, properties.retention(), properties.backfillLookback());
    }
}
