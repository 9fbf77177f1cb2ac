package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console helpers: users of each role, session sign-in, requests with the session's cookies. */
abstract class AbstractConsoleIT extends AbstractAppIT {

    static final String PASSWORD = "a long enough passphrase";

    /** The cookies a browser keeps after signing in. */
    record Session(String id, String xsrfToken) {

        String cookieHeader() {
            return "SESSION=" + id + "; XSRF-TOKEN=" + xsrfToken;
        }
    }

    /** A new user with the role (the admin creates it over HTTP Basic); its password is {@link #PASSWORD}. */
    String createUser(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = postJson("/api/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}",
                Map.of("Authorization", adminAuthorization()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    HttpResponse<String> signIn(URI base, String username, String password) {
        return send(HttpRequest.newBuilder(base.resolve("/api/admin/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")).build());
    }

    Session signedIn(String username) {
        HttpResponse<String> response = signIn(uri("/"), username, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Session(cookie(response, "SESSION"), cookie(response, "XSRF-TOKEN"));
    }

    /** A request carrying the session's cookies, without the X-XSRF-TOKEN header. */
    HttpRequest.Builder withCookies(Session session, URI uri) {
        return HttpRequest.newBuilder(uri).header("Cookie", session.cookieHeader());
    }

    HttpResponse<String> postWithSession(Session session, String path, String body, boolean withToken) {
        HttpRequest.Builder request = withCookies(session, uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            request.header("X-XSRF-TOKEN", session.xsrfToken());
        }
        return send(request.build());
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The value a Set-Cookie header of the response gives the cookie. */
    static String cookie(HttpResponse<String> response, String name) {
        return setCookie(response, name).split(";", 2)[0].substring(name.length() + 1);
    }

    static String setCookie(HttpResponse<String> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(cookie -> cookie.startsWith(name + "=")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }
}
