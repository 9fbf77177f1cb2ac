package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin endpoint against every role, over HTTP Basic (the session and CSRF are ConsoleSessionIT's). Allowed
 * means the request got past the role check: whatever the endpoint then answers (404 for the made-up payment, 400
 * for an empty body), never 401 or 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRolesIT extends AbstractConsoleIT {

    private static final String PAYMENT = "/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA";

    private final Map<String, String> users = new LinkedHashMap<>();

    /** Method, path, and the least role that may call it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/api/admin/payments", "viewer"),
                Arguments.of("GET", "/api/admin/payments/export.csv", "viewer"),
                Arguments.of("GET", PAYMENT, "viewer"),
                Arguments.of("GET", "/api/admin/stats", "viewer"),
                Arguments.of("GET", "/api/admin/stats/daily", "viewer"),
                Arguments.of("GET", "/api/admin/session", "viewer"),
                Arguments.of("DELETE", "/api/admin/session", "viewer"),
                Arguments.of("POST", PAYMENT + "/refunds", "operator"),
                Arguments.of("POST", PAYMENT + "/cancel", "operator"),
                Arguments.of("POST", "/api/admin/disputes/dp_1/evidence", "operator"),
                Arguments.of("POST", "/api/admin/events/evt_1/replay", "operator"),
                Arguments.of("GET", "/api/admin/users", "admin"),
                Arguments.of("POST", "/api/admin/users", "admin"),
                Arguments.of("PATCH", "/api/admin/users/someone-else", "admin"),
                Arguments.of("GET", "/actuator/prometheus", "admin"));
    }

    @BeforeAll
    void createOneUserPerRole() {
        for (String role : List.of("viewer", "operator", "admin")) {
            users.put(role, createUser(role));
        }
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @MethodSource("endpoints")
    void each_role_reaches_exactly_the_endpoints_its_rank_allows(String method, String path, String leastRole) {
        List<String> ranks = List.of("viewer", "operator", "admin");
        for (String role : ranks) {
            HttpResponse<String> response = call(method, path, basic(users.get(role), PASSWORD));
            boolean allowed = ranks.indexOf(role) >= ranks.indexOf(leastRole);

            if (allowed) {
                assertThat(response.statusCode()).as("%s as %s: %s", method, role, response.body())
                        .isNotIn(401, 403);
            } else {
                assertThat(response.statusCode()).as("%s as %s", method, role).isEqualTo(403);
                assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:forbidden");
            }
        }
        assertThat(call(method, path, null).statusCode()).as("not signed in").isEqualTo(401);
    }

    private HttpResponse<String> call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }
}
