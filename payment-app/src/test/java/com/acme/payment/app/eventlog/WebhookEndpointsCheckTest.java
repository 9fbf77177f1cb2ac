package com.acme.payment.app.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.GatewayException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class WebhookEndpointsCheckTest {

    @Test
    void missing_types_are_a_detail_and_the_status_stays_up() {
        WebhookEndpointsCheck check = new WebhookEndpointsCheck(() -> List.of("charge.refunded"));

        check.check();

        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
        assertThat(check.health().getDetails()).containsEntry("missingEventTypes", List.of("charge.refunded"));
    }

    @Test
    void stripe_being_unreachable_is_reported_and_the_status_stays_up() {
        WebhookEndpointsCheck check = new WebhookEndpointsCheck(() -> {
            throw new GatewayException(Reason.UNAVAILABLE, "connect timed out", null, null, null);
        });

        check.check();

        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
        assertThat(check.health().getDetails().get("webhookEndpoints").toString())
                .startsWith("could not be checked").contains("connect timed out");
    }

    @Test
    void an_endpoint_covering_every_type_leaves_no_missing_types() {
        WebhookEndpointsCheck check = new WebhookEndpointsCheck(List::of);

        check.check();

        assertThat(check.health().getDetails()).doesNotContainKey("missingEventTypes");
    }
}
