package com.acme.payment.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway event log, under {@code payment.events.*}.
 *
 * @param retention            how long an event's payload is kept; the entry stays
 * @param purgeInterval        how often payloads past the retention are dropped
 * @param backfillInterval     how often the gateway's Events API is read for events that never arrived
 * @param backfillLookback     how far back each scheduled backfill reads (at most the gateway's 30 days)
 * @param signatureFailuresKept how many rejected webhooks are kept for the events API
 */
@ConfigurationProperties("payment.events")
public record EventLogProperties(Duration retention, Duration purgeInterval, Duration backfillInterval,
                                 Duration backfillLookback, int signatureFailuresKept) {
}
