package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminSecurityIT extends AbstractAppIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/admin/payments", "/api/admin/stats", "/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA",
            "/actuator/prometheus"})
    void admin_endpoints_refuse_requests_without_credentials(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic"));
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin:wrong", "someone:" + ADMIN_PASSWORD, "admin:"})
    void admin_endpoints_refuse_wrong_credentials(String credentials) {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());

        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/admin/payments"))
                .header("Authorization", authorization).GET().build());
        HttpResponse<String> refund = send(HttpRequest.newBuilder(uri("/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA/refunds"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(refund.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/admin/payments", "/api/admin/stats", "/actuator/prometheus"})
    void admin_endpoints_answer_the_admin(String path) {
        assertThat(adminGet(path).statusCode()).isEqualTo(200);
    }

    @Test
    void credentials_sent_to_public_paths_are_not_checked() {
        String junk = "Basic " + Base64.getEncoder().encodeToString("admin:junk".getBytes());

        assertThat(Stream.of("/actuator/health", "/api/payment/config", "/v3/api-docs")
                .map(path -> send(HttpRequest.newBuilder(uri(path)).header("Authorization", junk).GET().build())))
                .extracting(HttpResponse::statusCode).containsOnly(200);
    }

    @Test
    void state_changing_admin_requests_need_a_json_content_type() {
        String payment = "/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA";
        HttpResponse<String> bodiless = adminPost(payment + "/cancel", null, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> form = adminPost(payment + "/cancel", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("a=b"));
        HttpResponse<String> textRefund = adminPost(payment + "/refunds", "text/plain",
                HttpRequest.BodyPublishers.ofString("{\"amount\":1}"));
        HttpResponse<String> json = adminPost(payment + "/cancel", "application/json; charset=utf-8",
                HttpRequest.BodyPublishers.noBody());

        assertThat(List.of(bodiless, form, textRefund)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:unsupported-media-type");
        });
        assertThat(json.statusCode()).as("reaches the controller: no such payment").isEqualTo(404);
    }

    private HttpResponse<String> adminPost(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", adminAuthorization())
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }
}
