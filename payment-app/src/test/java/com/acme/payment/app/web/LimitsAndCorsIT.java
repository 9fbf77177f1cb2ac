package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A context of its own: a tight create-intent rate limit and one allowed CORS origin. */
@TestPropertySource(properties = {"payment.create-intent-per-minute=3",
        "payment.cors-origins=https://shop.example.com"})
class LimitsAndCorsIT extends AbstractAppIT {

    private static final String CREATE = "/api/payment/stripe/create-intent";
    private static final String BODY = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\","
            + "\"amount\":1250,\"currency\":\"USD\"}";

    @Test
    void create_intent_is_rate_limited_per_client_with_retry_after() {
        List<HttpResponse<String>> responses = IntStream.range(0, 5)
                .mapToObj(i -> postJson(CREATE, BODY, Map.of())).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(201, 201, 201, 429, 429);
        HttpResponse<String> limited = responses.get(3);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(limited).get("type").asString()).isEqualTo("urn:payment:problem:rate-limited");
        assertThat(postJson("/api/payment/stripe/checkout-session", BODY, Map.of()).statusCode())
                .as("the hosted flow spends the same allowance").isEqualTo(429);
        assertThat(get("/api/payment/config").statusCode()).as("other endpoints are not limited").isEqualTo(200);
    }

    @Test
    void cors_allows_only_the_configured_origin() {
        HttpResponse<String> allowed = preflight("https://shop.example.com");
        HttpResponse<String> other = preflight("https://evil.example.net");

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) {
        return send(HttpRequest.newBuilder(uri(CREATE)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key").build());
    }
}
