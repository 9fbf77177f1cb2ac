package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Three failed sign-ins allowed per address and per username. Behind a trusted proxy (this test's own address),
 * so each test signs in from addresses of its own. The same properties as ClientAddressIT: one context for both.
 */
@TestPropertySource(properties = {"payment.sign-in-throttle.failures=3", "payment.trusted-proxies=127.0.0.1",
        "payment.create-intent-per-minute=2"})
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT extends AbstractAppIT {

    @Test
    void after_too_many_failures_from_an_address_even_the_right_password_is_refused_with_429() {
        List<Integer> signedIn = IntStream.range(0, 4)
                .mapToObj(i -> signIn("198.51.100.1", "admin", ADMIN_PASSWORD).statusCode()).toList();
        List<Integer> guesses = IntStream.range(0, 3)
                .mapToObj(i -> signIn("198.51.100.1", "guess-" + i, "wrong").statusCode()).toList();

        HttpResponse<String> throttled = signIn("198.51.100.1", "admin", ADMIN_PASSWORD);

        assertThat(signedIn).as("successful sign-ins are not counted").containsOnly(200);
        assertThat(guesses).containsOnly(401);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 15L * 60));
        assertThat(throttled.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(body(throttled).get("type").asString()).isEqualTo("urn:payment:problem:rate-limited");
        assertThat(signIn("198.51.100.2", "admin", ADMIN_PASSWORD).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void failures_for_one_username_from_many_addresses_throttle_that_username() {
        List<Integer> guesses = IntStream.range(0, 3)
                .mapToObj(i -> signIn("198.51.100.1" + i, "target", "wrong-" + i).statusCode()).toList();

        HttpResponse<String> throttled = signIn("198.51.100.20", "Target", "wrong-4");

        assertThat(guesses).containsOnly(401);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(signIn("198.51.100.20", "someone-else", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void a_failed_sign_in_is_logged_with_the_client_address_but_not_the_password(CapturedOutput output) {
        signIn("198.51.100.30", "admin", "not-the-password-1234");

        assertThat(output.getOut()).contains("admin sign-in failed for user 'admin' from 198.51.100.30")
                .doesNotContain("not-the-password-1234");
    }

    private HttpResponse<String> signIn(String clientAddress, String username, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/admin/stats")).header("Authorization", "Basic " + credentials)
                .header("X-Forwarded-For", clientAddress).GET().build());
    }
}
