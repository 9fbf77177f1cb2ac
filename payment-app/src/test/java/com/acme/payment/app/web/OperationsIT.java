package com.acme.payment.app.web;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.StripeEvents;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What operators and QA use: health with the database, Prometheus metrics, Swagger UI. */
class OperationsIT extends AbstractAppIT {

    @Test
    void health_includes_the_database() {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asString()).isEqualTo("UP");
        assertThat(body(health).get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_exposes_the_payment_metrics() {
        postJson("/api/payment/stripe/create-intent", "{\"name\":\"Ada\",\"email\":\"ada@example.com\","
                + "\"serviceType\":\"pon-ftth\",\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        String unknown = StripeEvents.succeeded(newEventId(), "pi_3NotOurs000000001", 1250);
        postJson("/api/payment/stripe/webhook", unknown, Map.of("Stripe-Signature", signature(unknown, WEBHOOK_SECRET)));
        postJson("/api/payment/stripe/webhook", unknown, Map.of("Stripe-Signature", "t=1,v1=bad"));

        String metrics = adminGet("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("payments_started_total")
                .contains("payment_status_changes_total{")
                .contains("gateway_events_total{outcome=\"unknown_payment\",source=\"webhook\"")
                .contains("gateway_events_total{outcome=\"rejected\",source=\"webhook\"")
                .contains("outbox_backlog")
                .contains("payment_gateway_calls_seconds_count{")
                .contains("hikaricp_connections_active");
    }

    @Test
    void swagger_ui_is_served_and_reads_the_contract() {
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        HttpResponse<String> config = get("/api-docs/generated/swagger-config");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(body(config).get("url").asString()).isEqualTo("/v3/api-docs");
    }
}
