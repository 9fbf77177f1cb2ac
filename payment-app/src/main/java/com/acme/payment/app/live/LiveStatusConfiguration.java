package com.acme.payment.app.live;

import com.acme.payment.adapter.postgres.PostgresPaymentChangeFeed;
import com.acme.payment.adapter.postgres.PostgresPaymentNotifications;
import com.acme.payment.app.config.PaymentProperties;
import com.acme.payment.app.web.PaymentChangeStreams;
import com.acme.payment.app.web.PaymentStatusStreams;
import com.acme.payment.app.web.PaymentWebMapper;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.in.GetPaymentStatusUseCase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Live status: every instance listens to the database, on a connection of its own with the pool's database and
 * credentials, for the changes any instance stores (the NOTIFY is sent by PostgresPaymentNotifications, wired
 * into PaymentEvents), and pushes them to its open status streams and the console's change streams.
 */
@Configuration(proxyBeanMethods = false)
public class LiveStatusConfiguration {

    private static final Pattern EVENT_STREAMS =
            Pattern.compile("/api/payment/status/[^/]+/events|/api/admin/payments/events");

    /**
     * Status and change streams stay open for minutes: timed as requests, they would swamp the latencies of
     * http.server.requests, and each open observation would hold its memory for the stream's whole life.
     * payment.status.streams and payment.change.streams count them instead.
     */
    @Bean
    ObservationPredicate eventStreamsAreNotTimedAsRequests() {
        // Every request passes here: the cheap test first.
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().endsWith("/events")
                && EVENT_STREAMS.matcher(request.getCarrier().getRequestURI()).matches());
    }

    @Bean
    PaymentStatusStreams paymentStatusStreams(GetPaymentStatusUseCase statuses, PaymentWebMapper mapper,
                                              PostgresPaymentNotifications notifications, MeterRegistry meters,
                                              PaymentProperties properties) {
        PaymentStatusStreams streams = new PaymentStatusStreams(statuses, mapper, notifications,
                properties.maxStatusStreams());
        Gauge.builder("payment.status.streams", streams, PaymentStatusStreams::size)
                .description("Open payment status streams on this instance").register(meters);
        return streams;
    }

    @Bean
    PaymentChangeStreams paymentChangeStreams(PostgresPaymentNotifications notifications, MeterRegistry meters) {
        PaymentChangeStreams streams = new PaymentChangeStreams(notifications);
        Gauge.builder("payment.change.streams", streams, PaymentChangeStreams::size)
                .description("Open console payment change streams on this instance").register(meters);
        return streams;
    }

    @Bean(destroyMethod = "close")
    PostgresPaymentChangeFeed paymentChangeFeed(HikariDataSource pool, PaymentStatusStreams streams,
                                                PaymentChangeStreams changeStreams) {
        PostgresPaymentChangeFeed feed = new PostgresPaymentChangeFeed(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword(),
                new PostgresPaymentChangeFeed.Subscriber() {
                    @Override
                    public void changed(PaymentId id, long version) {
                        streams.changed(id);
                        changeStreams.changed(id, version);
                    }

                    @Override
                    public void resubscribed() {
                        streams.refreshAll();
                        changeStreams.refreshAll();
                    }
                });
        feed.start();
        return feed;
    }
}
