package com.acme.payment.app.jobs;

import com.acme.payment.adapter.postgres.PostgresJobLock;
import com.acme.payment.adapter.postgres.PostgresRateLimiter;
import com.acme.payment.domain.port.in.DispatchNotificationsUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class JobsConfiguration {

    @Bean
    ScheduledJobs scheduledJobs(DispatchNotificationsUseCase dispatchNotifications,
                                ReconcilePaymentsUseCase reconcilePayments, PostgresJobLock jobLock,
                                PostgresRateLimiter rateLimiter) {
        return new ScheduledJobs(dispatchNotifications, reconcilePayments, jobLock, rateLimiter);
    }
}
