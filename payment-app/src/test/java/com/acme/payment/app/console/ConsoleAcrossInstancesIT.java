package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: a console session and the sign-in throttle hold
 * on both. Three failed sign-ins allowed; behind a trusted proxy (this test), so each test signs in from addresses
 * of its own. The same properties as SignInThrottleIT and ClientAddressIT: one context for the three.
 */
@TestPropertySource(properties = {"payment.sign-in-throttle.failures=3", "payment.trusted-proxies=127.0.0.1",
        "payment.create-intent-per-minute=2"})
class ConsoleAcrossInstancesIT extends AbstractConsoleIT {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    private EmbeddedPostgresServer database;

    @BeforeEach
    void startInstanceB() {
        if (instanceB == null) {
            instanceB = startInstanceBeside(database, "console-instance-b", "payment.sign-in-throttle.failures=3",
                    "payment.trusted-proxies=127.0.0.1");
        }
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void a_session_signed_in_on_one_instance_works_on_the_other_and_signing_out_there_ends_it() {
        Session session = signedIn(createUser("operator"));
        URI b = instanceB();

        HttpResponse<String> whoOnB = send(withCookies(session, b.resolve("/api/admin/session")).GET().build());
        HttpResponse<String> changeOnB = send(withCookies(session,
                b.resolve("/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA/cancel"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> signOutOnB = send(withCookies(session, b.resolve("/api/admin/session"))
                .header("X-XSRF-TOKEN", session.xsrfToken()).DELETE().build());

        assertThat(whoOnB.statusCode()).isEqualTo(200);
        assertThat(changeOnB.statusCode()).as("past the session and CSRF checks: no such payment").isEqualTo(404);
        assertThat(signOutOnB.statusCode()).isEqualTo(204);
        assertThat(send(withCookies(session, uri("/api/admin/session")).GET().build()).statusCode())
                .as("signed out on A too").isEqualTo(401);
    }

    @Test
    void failed_sign_ins_for_one_username_count_on_both_instances() {
        String operator = createUser("operator");
        URI a = uri("/");
        URI b = instanceB();

        List<Integer> guesses = List.of(signInFrom(a, "198.51.100.101", operator, "wrong password 1").statusCode(),
                signInFrom(b, "198.51.100.102", operator, "wrong password 2").statusCode(),
                signInFrom(a, "198.51.100.103", operator, "wrong password 3").statusCode());
        HttpResponse<String> throttled = signInFrom(b, "198.51.100.104", operator, PASSWORD);

        assertThat(guesses).containsOnly(401);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(throttled).get("type").asString()).isEqualTo("urn:payment:problem:rate-limited");
    }

    @Test
    void failed_sign_ins_from_one_address_count_on_both_instances() {
        String viewer = createUser("viewer");
        URI a = uri("/");
        URI b = instanceB();

        List<Integer> guesses = List.of(signInFrom(b, "198.51.100.111", "guess-1", "wrong").statusCode(),
                signInFrom(a, "198.51.100.111", "guess-2", "wrong").statusCode(),
                signInFrom(b, "198.51.100.111", "guess-3", "wrong").statusCode());

        assertThat(guesses).containsOnly(401);
        assertThat(signInFrom(a, "198.51.100.111", viewer, PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signInFrom(b, "198.51.100.112", viewer, PASSWORD).statusCode()).as("another address")
                .isEqualTo(200);
    }

    @Test
    void the_session_cookie_is_secure_when_the_trusted_proxy_says_the_request_came_over_https() {
        String viewer = createUser("viewer");

        HttpResponse<String> overHttps = send(signInRequest(uri("/"), "198.51.100.121", viewer, PASSWORD)
                .header("X-Forwarded-Proto", "https").build());
        HttpResponse<String> overHttp = signInFrom(uri("/"), "198.51.100.121", viewer, PASSWORD);

        assertThat(setCookie(overHttps, "SESSION")).contains("Secure").contains("HttpOnly");
        assertThat(setCookie(overHttp, "SESSION")).doesNotContain("Secure");
    }

    private HttpResponse<String> signInFrom(URI base, String clientAddress, String username, String password) {
        return send(signInRequest(base, clientAddress, username, password).build());
    }

    private static HttpRequest.Builder signInRequest(URI base, String clientAddress, String username,
                                                     String password) {
        return HttpRequest.newBuilder(base.resolve("/api/admin/session")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}"));
    }

    private static URI instanceB() {
        return URI.create("http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port") + "/");
    }
}
