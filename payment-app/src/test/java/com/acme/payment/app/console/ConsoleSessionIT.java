package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConsoleSessionIT extends AbstractConsoleIT {

    private static final String UNKNOWN_PAYMENT = "/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA";

    @Autowired
    private DataSource dataSource;

    @Test
    void signing_in_sets_an_http_only_same_site_session_cookie_and_a_readable_csrf_cookie() {
        String operator = createUser("operator");

        HttpResponse<String> response = signIn(uri("/"), operator, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("username").asString()).isEqualTo(operator);
        assertThat(body(response).get("role").asString()).isEqualTo("operator");
        assertThat(setCookie(response, "SESSION")).contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(setCookie(response, "XSRF-TOKEN")).contains("Path=/").doesNotContain("HttpOnly");
        Session session = new Session(cookie(response, "SESSION"), cookie(response, "XSRF-TOKEN"));
        HttpResponse<String> current = send(withCookies(session, uri("/api/admin/session")).GET().build());
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(body(current).get("username").asString()).isEqualTo(operator);
    }

    @Test
    void http_basic_requests_create_no_session() {
        HttpResponse<String> read = adminGet("/api/admin/stats");
        HttpResponse<String> change = postJson(UNKNOWN_PAYMENT + "/cancel", "{}",
                Map.of("Authorization", adminAuthorization()));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(change.statusCode()).isEqualTo(404);
        assertThat(read.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(change.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
    }

    @Test
    void a_wrong_password_is_401_without_a_basic_challenge_and_sets_no_session() {
        String viewer = createUser("viewer");

        HttpResponse<String> response = signIn(uri("/"), viewer, "not the password at all");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:unauthorized");
    }

    @Test
    void without_a_session_the_session_endpoint_is_401_and_a_page_script_gets_no_basic_challenge() {
        HttpResponse<String> fromScript = send(HttpRequest.newBuilder(uri("/api/admin/session"))
                .header("Sec-Fetch-Mode", "cors").GET().build());

        assertThat(get("/api/admin/session").statusCode()).isEqualTo(401);
        assertThat(fromScript.statusCode()).isEqualTo(401);
        assertThat(fromScript.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void a_change_with_the_session_cookie_needs_the_csrf_token_and_basic_needs_none() {
        Session session = signedIn(createUser("operator"));

        HttpResponse<String> withoutToken = postWithSession(session, UNKNOWN_PAYMENT + "/cancel", "{}", false);
        HttpResponse<String> wrongToken = send(withCookies(session, uri(UNKNOWN_PAYMENT + "/cancel"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> withToken = postWithSession(session, UNKNOWN_PAYMENT + "/cancel", "{}", true);
        HttpResponse<String> basic = postJson(UNKNOWN_PAYMENT + "/cancel", "{}",
                Map.of("Authorization", adminAuthorization()));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(body(withoutToken).get("type").asString()).isEqualTo("urn:payment:problem:forbidden");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode()).as("reaches the controller: no such payment").isEqualTo(404);
        assertThat(basic.statusCode()).as("reaches the controller: no such payment").isEqualTo(404);
    }

    @Test
    void signing_out_needs_the_csrf_token_and_ends_the_session() {
        Session session = signedIn(createUser("viewer"));

        HttpResponse<String> withoutToken = send(withCookies(session, uri("/api/admin/session")).DELETE().build());
        HttpResponse<String> signedOut = send(withCookies(session, uri("/api/admin/session"))
                .header("X-XSRF-TOKEN", session.xsrfToken()).DELETE().build());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(send(withCookies(session, uri("/api/admin/session")).GET().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_session_ends_after_thirty_idle_minutes() {
        Session session = signedIn(createUser("viewer"));

        int idleSeconds = JdbcClient.create(dataSource)
                .sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
                .param("id", new String(Base64.getDecoder().decode(session.id())))
                .query(Integer.class).single();

        assertThat(idleSeconds).isEqualTo(30 * 60);
    }

    @Test
    void disabling_a_user_ends_their_session_and_their_sign_ins() {
        String operator = createUser("operator");
        Session session = signedIn(operator);

        HttpResponse<String> disabled = send(HttpRequest.newBuilder(uri("/api/admin/users/" + operator))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build());

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(body(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(send(withCookies(session, uri("/api/admin/session")).GET().build()).statusCode()).isEqualTo(401);
        assertThat(signIn(uri("/"), operator, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/admin/stats")).header("Authorization",
                basic(operator, PASSWORD)).GET().build()).statusCode()).isEqualTo(401);
    }
}
