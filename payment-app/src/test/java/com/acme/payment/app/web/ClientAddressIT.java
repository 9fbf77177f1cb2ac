package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import com.acme.payment.app.AbstractAppIT;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Whose address the limits count: the peer's, or the forwarded client's when the peer is a trusted proxy
 * (127.0.0.1 here; requests from 127.0.0.2 come from an untrusted peer). The same properties as SignInThrottleIT.
 */
@TestPropertySource(properties = {"payment.sign-in-throttle.failures=3", "payment.trusted-proxies=127.0.0.1",
        "payment.create-intent-per-minute=2"})
class ClientAddressIT extends AbstractAppIT {

    private static final String CREATE = "/api/payment/stripe/create-intent";
    private static final String BODY = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\","
            + "\"amount\":1250,\"currency\":\"USD\"}";

    @Autowired
    EmbeddedPostgresServer database;

    @Test
    void the_create_intent_limit_keys_on_the_forwarded_address_only_from_a_trusted_proxy() {
        List<Integer> forwardedByTrusted = Stream.of("203.0.113.1", "203.0.113.2", "203.0.113.3")
                .map(client -> postJson(CREATE, BODY, Map.of("X-Forwarded-For", client)).statusCode()).toList();
        List<String> forwardedByUntrusted = Stream.of("203.0.113.11", "203.0.113.12", "203.0.113.13")
                .map(client -> statusLine(fromUntrustedPeer("POST", CREATE, "X-Forwarded-For", client))).toList();

        assertThat(forwardedByTrusted).containsOnly(201);
        assertThat(forwardedByUntrusted).containsExactly("HTTP/1.1 201", "HTTP/1.1 201", "HTTP/1.1 429");
    }

    /** The proxy appends the peer it saw; what the client wrote to the left of it is not believed. */
    @Test
    void the_client_is_the_right_most_forwarded_address_that_is_not_a_trusted_proxy() {
        List<Integer> statuses = Stream.of("198.51.100.1", "198.51.100.2", "198.51.100.3")
                .map(spoofed -> postJson(CREATE, BODY,
                        Map.of("X-Forwarded-For", spoofed + ", 203.0.113.70, 127.0.0.1")).statusCode())
                .toList();

        assertThat(statuses).containsExactly(201, 201, 429);
    }

    @Test
    void hsts_is_sent_when_a_trusted_proxy_says_the_client_used_https() {
        HttpResponse<String> viaTrusted = send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("X-Forwarded-Proto", "https").GET().build());
        String viaUntrusted = fromUntrustedPeer("GET", "/actuator/health", "X-Forwarded-Proto", "https");

        assertThat(viaTrusted.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(get("/actuator/health").headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
        assertThat(statusLine(viaUntrusted)).isEqualTo("HTTP/1.1 200");
        assertThat(viaUntrusted.toLowerCase()).doesNotContain("strict-transport-security");
    }

    /** The set-up: a second app on the first one's database. */
    @Test
    void two_instances_on_one_database_share_the_create_intent_limit() {
        try (ConfigurableApplicationContext second = startInstanceBeside(database, "second-instance",
                "payment.trusted-proxies=127.0.0.1", "payment.create-intent-per-minute=2")) {
            URI secondCreate = URI.create("http://localhost:" + second.getEnvironment().getProperty("local.server.port")
                    + CREATE);
            Map<String, String> client = Map.of("X-Forwarded-For", "203.0.113.50");

            int first = postJson(CREATE, BODY, client).statusCode();
            int onSecond = send(createIntent(secondCreate, client)).statusCode();
            int third = postJson(CREATE, BODY, client).statusCode();
            int fourthOnSecond = send(createIntent(secondCreate, client)).statusCode();

            assertThat(List.of(first, onSecond, third, fourthOnSecond)).containsExactly(201, 201, 429, 429);
        }
    }

    private static HttpRequest createIntent(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        headers.forEach(request::header);
        return request.build();
    }

    /** java.net.http cannot pick its local address: a plain HTTP/1.1 exchange from 127.0.0.2. */
    private String fromUntrustedPeer(String method, String path, String header, String value) {
        byte[] body = "POST".equals(method) ? BODY.getBytes(StandardCharsets.UTF_8) : new byte[0];
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + header + ": " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusLine(String response) {
        return response.substring(0, "HTTP/1.1 200".length());
    }
}
