package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every kind of bad create-intent request gets a 4xx problem+json naming the field, and writes nothing. */
class BadInputIT extends AbstractAppIT {

    private static final String CREATE = "/api/payment/stripe/create-intent";

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("missing name", "{\"email\":\"a@example.com\",\"serviceType\":\"pon-ftth\",\"amount\":1250,\"currency\":\"USD\"}", "name"),
                Arguments.of("null email", body("\"Ada\"", "null", "\"pon-ftth\"", "1250", "\"USD\""), "email"),
                Arguments.of("bad email", body("\"Ada\"", "\"not-an-email\"", "\"pon-ftth\"", "1250", "\"USD\""), "email"),
                Arguments.of("101-character name", body("\"" + "x".repeat(101) + "\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("blank name", body("\"   \"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("line breaks in the name", body("\"Ada\\r\\nClick https://evil.example\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("NUL in the name", body("\"Ada\\u0000\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("C1 control in the name", body("\"Ada\\u0085Lovelace\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("bidi override in the name", body("\"Ada \\u202Egnp.exe\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("bidi isolate in the name", body("\"Ada \\u2066x\\u2069\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("101 emoji as the name", body("\"" + "\uD83D\uDE00".repeat(101) + "\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "name"),
                Arguments.of("bidi override in the email", body("\"Ada\"", "\"a\\u202E@example.com\"", "\"pon-ftth\"", "1250", "\"USD\""), "email"),
                Arguments.of("unknown service", body("\"Ada\"", "\"a@example.com\"", "\"plumbing\"", "1250", "\"USD\""), "serviceType"),
                Arguments.of("amount as a string", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "\"1250\"", "\"USD\""), "amount"),
                Arguments.of("fractional amount", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "12.5", "\"USD\""), "amount"),
                Arguments.of("negative amount", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "-100", "\"USD\""), "amount"),
                Arguments.of("zero amount", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "0", "\"USD\""), "amount"),
                Arguments.of("below the USD minimum", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "49", "\"USD\""), "amount"),
                Arguments.of("above the maximum", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "100000000", "\"USD\""), "amount"),
                Arguments.of("unknown currency", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"XYZ\""), "currency"),
                Arguments.of("four-letter currency", body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USDX\""), "currency"),
                Arguments.of("unexpected field", "{\"name\":\"Ada\",\"email\":\"a@example.com\",\"serviceType\":\"pon-ftth\",\"amount\":1250,\"currency\":\"USD\",\"status\":\"succeeded\"}", "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalid_fields_are_named_in_a_problem_and_nothing_is_stored(String label, String body, String field) {
        long before = paymentCount();

        HttpResponse<String> response = postJson(CREATE, body, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:payment:problem:validation-error");
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void a_name_of_60_emoji_is_60_characters_and_accepted() {
        String name = "\uD83D\uDE00".repeat(60);

        HttpResponse<String> response = postJson(CREATE, body("\"" + name + "\"", "\"a@example.com\"",
                "\"pon-ftth\"", "1250", "\"USD\""), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String paymentId = body(response).get("paymentId").asString();
        assertThat(jdbc.sql("select customer_name from payments where payment_id = ?").param(paymentId)
                .query(String.class).single()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReasons")
    void a_refund_reason_with_control_or_bidi_characters_is_named_in_a_problem(String label, String reason) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/payments/pay_AAAAAAAAAAAAAAAAAAAAAA/refunds"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100,\"reason\":\"" + reason + "\"}"))
                .build());

        assertValidationProblemNaming(response, "reason");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    static Stream<Arguments> invalidReasons() {
        return Stream.of(Arguments.of("NUL", "damaged\\u0000"), Arguments.of("line break", "damaged\\nsee attachment"),
                Arguments.of("bidi override", "\\u202Edamaged"), Arguments.of("501 characters", "r".repeat(501)));
    }

    @Test
    void an_idempotency_key_with_a_control_character_is_a_400_problem_without_a_stack_trace() throws Exception {
        // Header bytes are read as ISO-8859-1, so byte 0x85 arrives as the C1 control U+0085, which Spring
        // Security's firewall refuses before the domain sees it. HttpClient would send '?', hence the raw request.
        byte[] json = body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\"")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST " + CREATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\nConnection: close\r\nIdempotency-Key: key\u0085one\r\n\r\n";
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(json);
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("urn:payment:problem:malformed-request").doesNotContain("Exception").doesNotContain("keyone");
    }

    @Test
    void an_idempotency_key_over_255_characters_is_named_in_a_problem() {
        HttpResponse<String> response = postJson(CREATE, body("\"Ada\"", "\"a@example.com\"", "\"pon-ftth\"", "1250",
                "\"USD\""), Map.of("Idempotency-Key", "k".repeat(256)));

        assertValidationProblemNaming(response, "Idempotency-Key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAdminQueries")
    void invalid_admin_list_parameters_are_named_in_a_problem(String query, String parameter) {
        assertValidationProblemNaming(adminGet("/api/admin/payments?" + query), parameter);
    }

    static Stream<Arguments> invalidAdminQueries() {
        return Stream.of(Arguments.of("status=bogus", "status"), Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"), Arguments.of("page=-1", "page"),
                Arguments.of("email=ada%00@example.com", "email"), Arguments.of("email=ada%0D%0A@example.com", "email"),
                Arguments.of("email=%E2%80%AEada@example.com", "email"), Arguments.of("email=" + "a".repeat(255), "email"),
                Arguments.of("status=succeeded&status=bogus", "status"), Arguments.of("q=ada%0A", "q"),
                Arguments.of("currency=usd", "currency"), Arguments.of("sort=amount,desc", "sort"));
    }

    private void assertValidationProblemNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:validation-error");
        assertThat(body(response).get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = postJson(CREATE, "{\"name\": \"Ada\",", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:malformed-request");
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada")).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:unsupported-media-type");
    }

    @Test
    void an_oversized_body_is_a_413_problem() {
        long before = paymentCount();
        String huge = body("\"" + "x".repeat(70_000) + "\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\"");

        HttpResponse<String> response = postJson(CREATE, huge, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:payload-too-large");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void an_oversized_chunked_body_is_a_413_problem_too() {
        long before = paymentCount();
        byte[] huge = body("\"" + "x".repeat(70_000) + "\"", "\"a@example.com\"", "\"pon-ftth\"", "1250", "\"USD\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CREATE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:payload-too-large");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void a_wrong_method_is_a_405_problem_and_an_unknown_path_a_404_problem() {
        HttpResponse<String> wrongMethod = get(CREATE);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> unknown = get("/api/payment/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).get("type").asString()).isEqualTo("urn:payment:problem:not-found");
    }

    @Test
    void an_unknown_or_malformed_payment_id_is_a_404_problem() {
        HttpResponse<String> unknown = get("/api/payment/status/pay_AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(unknown).get("type").asString()).isEqualTo("urn:payment:problem:not-found");
        assertThat(get("/api/payment/status/1%20or%201=1").statusCode()).isEqualTo(404);
    }

    @Test
    void the_page_gets_the_page_security_headers() {
        HttpResponse<String> response = get("/payment");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("script-src 'self' https://js.stripe.com")
                        .contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void the_payment_api_gets_the_json_security_headers() {
        HttpResponse<String> response = get("/api/payment/config");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).isEmpty();
        assertThat(response.headers().firstValue("X-XSS-Protection")).isEmpty();
    }

    private long paymentCount() {
        return jdbc.sql("select count(*) from payments").query(Long.class).single();
    }

    private static String body(String name, String email, String serviceType, String amount, String currency) {
        return "{\"name\":" + name + ",\"email\":" + email + ",\"serviceType\":" + serviceType + ",\"amount\":"
                + amount + ",\"currency\":" + currency + "}";
    }
}
