package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
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
}
