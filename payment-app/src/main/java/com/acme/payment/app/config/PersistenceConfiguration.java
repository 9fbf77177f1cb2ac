package com.acme.payment.app.config;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import com.acme.payment.adapter.postgres.JdbcDisputeStore;
import com.acme.payment.adapter.postgres.JdbcAdminUsers;
import com.acme.payment.adapter.postgres.JdbcGatewayEventLedger;
import com.acme.payment.adapter.postgres.JdbcNotificationOutbox;
import com.acme.payment.adapter.postgres.JdbcPaymentQueries;
import com.acme.payment.adapter.postgres.JdbcPaymentRepository;
import com.acme.payment.adapter.postgres.JdbcRefundLedger;
import com.acme.payment.adapter.postgres.PostgresJobLock;
import com.acme.payment.adapter.postgres.PostgresPaymentNotifications;
import com.acme.payment.adapter.postgres.PostgresRateLimiter;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.AdminUsers;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: the configured one, or an embedded one kept in $PAYMENT_DATA_DIR/postgres (binaries in
 * $PAYMENT_POSTGRES_BINARIES_DIR), started by {@link EmbeddedPostgresStartup}.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** The pool in front of the embedded server, with the same Hikari settings as a configured database. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    PaymentRepository paymentRepository(JdbcClient jdbc) {
        return new JdbcPaymentRepository(jdbc);
    }

    @Bean
    RefundLedger refundLedger(JdbcClient jdbc) {
        return new JdbcRefundLedger(jdbc);
    }

    @Bean
    DisputeStore disputeStore(JdbcClient jdbc) {
        return new JdbcDisputeStore(jdbc);
    }

    /** The event log's write path (GatewayEventLedger) and read side (GatewayEventLog). */
    @Bean
    JdbcGatewayEventLedger gatewayEventLedger(JdbcClient jdbc) {
        return new JdbcGatewayEventLedger(jdbc);
    }

    @Bean
    PostgresPaymentNotifications paymentNotifications(JdbcClient jdbc) {
        return new PostgresPaymentNotifications(jdbc);
    }

    @Bean
    PaymentQueries paymentQueries(JdbcClient jdbc) {
        return new JdbcPaymentQueries(jdbc);
    }

    @Bean
    NotificationOutbox notificationOutbox(JdbcClient jdbc, MeterRegistry meters) {
        JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(jdbc);
        Gauge.builder("outbox.backlog", outbox, NotificationOutbox::backlog)
                .description("Notifications waiting to be sent").register(meters);
        return outbox;
    }

    @Bean
    PostgresRateLimiter rateLimiter(DataSource dataSource) {
        return new PostgresRateLimiter(dataSource);
    }

    @Bean
    PostgresJobLock jobLock(DataSource dataSource) {
        return new PostgresJobLock(dataSource);
    }

    @Bean
    AdminUsers adminUsers(JdbcClient jdbc) {
        return new JdbcAdminUsers(jdbc);
    }
}
