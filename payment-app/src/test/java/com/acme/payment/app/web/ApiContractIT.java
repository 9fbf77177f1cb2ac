package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.AbstractAppIT;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml is the contract. The app serves it as /v3/api-docs; this test fails when what the
 * controllers declare (springdoc's /api-docs/generated) drifts from it: operations, operation ids,
 * parameters, and the properties of every request and response schema. Its examples work as they are against
 * the app in its default configuration, so that Swagger UI's "Try it out" can walk them.
 */
class ApiContractIT extends AbstractAppIT {

    /** Schemas that describe values or documents rather than a controller's record. */
    private static final Set<String> NOT_RECORDS = Set.of("PaymentId", "CurrencyCode", "MinorAmount",
            "PaymentStatus", "DisputeStatus", "StripeEvent", "Problem", "FieldError", "EventOutcome");

    private Map<String, Object> contract;
    private Map<String, Object> generated;

    @BeforeEach
    void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "openapi.yaml"))) {
            contract = new Yaml(new LoaderOptions()).load(reader);
        }
        generated = json.readValue(get("/api-docs/generated").body(), Map.class);
    }

    @Test
    void the_served_api_docs_are_openapi_yaml() {
        var served = get("/v3/api-docs");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(json.readValue(served.body(), Map.class)).isEqualTo(json.convertValue(contract, Map.class));
    }

    @Test
    void the_served_api_docs_send_requests_to_the_app_that_serves_them() {
        Map<?, ?> served = json.readValue(get("/v3/api-docs").body(), Map.class);

        assertThat((List<?>) served.get("servers")).isNotEmpty().allSatisfy(server ->
                assertThat((String) ((Map<?, ?>) server).get("url")).as("a relative URL").startsWith("/")
                        .doesNotStartWith("//"));
    }

    @Test
    void the_sandbox_config_example_is_what_the_app_answers_by_default() {
        Object example = exampleValues(responseContent("/api/payment/config", "get", "200")).get("sandbox");

        assertThat(json.readValue(get("/api/payment/config").body(), Map.class))
                .isEqualTo(json.convertValue(example, Map.class));
    }

    @Test
    void every_request_example_is_accepted_by_the_app() {
        for (var example : requestExamples("/api/payment/stripe/create-intent", "post").entrySet()) {
            assertThat(postJson("/api/payment/stripe/create-intent", write(example.getValue()), Map.of()).statusCode())
                    .as("create-intent example " + example.getKey()).isEqualTo(201);
        }
        for (var example : requestExamples("/api/payment/stripe/checkout-session", "post").entrySet()) {
            HttpResponse<String> created = postJson("/api/payment/stripe/checkout-session", write(example.getValue()),
                    Map.of());
            assertThat(created.statusCode()).as("checkout-session example " + example.getKey()).isEqualTo(201);
            String url = body(created).get("url").asString();
            assertThat(get(url.substring(url.indexOf("/sandbox/")).replace("/sandbox/", "/api/payment/sandbox/"))
                    .statusCode()).as("the sandbox checkout page's session").isEqualTo(200);
        }
        for (var example : requestExamples("/api/payment/sandbox/payments/{paymentId}/confirm", "post").entrySet()) {
            assertThat(confirm(createPayment(), example.getValue()).statusCode())
                    .as("confirm example " + example.getKey()).isEqualTo(200);
        }
        for (var example : requestExamples("/api/payment/sandbox/payments/{paymentId}/authenticate", "post")
                .entrySet()) {
            Map<String, Object> payment = createPayment();
            confirm(payment, Map.of("cardNumber", "4000 0025 0000 3155", "expiry", "12/34", "cvc", "123"));
            assertThat(postJson("/api/payment/sandbox/payments/" + payment.get("paymentId") + "/authenticate",
                    write(withClientSecret(example.getValue(), payment)), Map.of()).statusCode())
                    .as("authenticate example " + example.getKey()).isEqualTo(200);
        }
        Map<String, Object> paid = createPayment();
        confirm(paid, Map.of("cardNumber", "4242424242424242", "expiry", "12/34", "cvc", "123"));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                body(get("/api/payment/status/" + paid.get("paymentId"))).get("status").asString().equals("succeeded"));
        for (var example : requestExamples("/api/admin/payments/{paymentId}/refunds", "post").entrySet()) {
            assertThat(adminPostJson("/api/admin/payments/" + paid.get("paymentId") + "/refunds", example.getValue())
                    .statusCode()).as("refund example " + example.getKey()).isEqualTo(201);
        }
        for (var example : requestExamples("/api/admin/payments/{paymentId}/cancel", "post").entrySet()) {
            assertThat(adminPostJson("/api/admin/payments/" + createPayment().get("paymentId") + "/cancel",
                    example.getValue()).statusCode()).as("cancel example " + example.getKey()).isEqualTo(200);
        }
    }

    @Test
    void controllers_implement_exactly_the_contract_operations_with_their_parameters() {
        assertThat(operations(generated, generated)).isEqualTo(operations(contract, contract));
    }

    @Test
    void every_record_has_the_properties_of_its_schema() {
        Map<String, Object> contractSchemas = schemas(contract);
        Map<String, Object> generatedSchemas = schemas(generated);
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, Set<String>> actual = new TreeMap<>();
        contractSchemas.keySet().stream().filter(name -> !NOT_RECORDS.contains(name)).forEach(name -> {
            expected.put(name, propertyNames(contract, contractSchemas.get(name)));
            actual.put(name, generatedSchemas.containsKey(name)
                    ? propertyNames(generated, generatedSchemas.get(name)) : Set.of("<missing>"));
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void request_bodies_require_the_same_fields() {
        for (String name : List.of("CreatePaymentRequest", "SandboxConfirmRequest", "SandboxAuthenticateRequest",
                "RefundRequest", "BackfillRequest", "WebhookOutage")) {
            assertThat(required(schemas(generated).get(name))).as(name)
                    .isEqualTo(required(schemas(contract).get(name)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createPayment() {
        Object first = requestExamples("/api/payment/stripe/create-intent", "post").values().iterator().next();
        return json.readValue(postJson("/api/payment/stripe/create-intent", write(first), Map.of()).body(), Map.class);
    }

    private HttpResponse<String> confirm(Map<String, Object> payment, Object card) {
        return postJson("/api/payment/sandbox/payments/" + payment.get("paymentId") + "/confirm",
                write(withClientSecret(card, payment)), Map.of());
    }

    /** The example with the payment's own client secret, as a tester copies it from create-intent's answer. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withClientSecret(Object example, Map<String, Object> payment) {
        Map<String, Object> body = new HashMap<>((Map<String, Object>) example);
        body.put("clientSecret", payment.get("clientSecret"));
        return body;
    }

    private HttpResponse<String> adminPostJson(String path, Object body) {
        return postJson(path, write(body), Map.of("Authorization", adminAuthorization()));
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** Example name → value of an operation's JSON request body, in the contract's order. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> requestExamples(String path, String method) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                operation(path, method).get("requestBody")).get("content")).get("application/json");
        Map<String, Object> examples = exampleValues(content);
        assertThat(examples).as("examples of %s %s", method, path).isNotEmpty();
        return examples;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> responseContent(String path, String method, String status) {
        Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) operation(path, method)
                .get("responses")).get(status);
        return (Map<String, Object>) ((Map<String, Object>) response.get("content")).get("application/json");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String path, String method) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) contract.get("paths")).get(path))
                .get(method);
    }

    /** A media type's examples (name → value; a lone {@code example} is named "example"). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> exampleValues(Map<String, Object> mediaType) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (mediaType.containsKey("example")) {
            values.put("example", mediaType.get("example"));
        }
        ((Map<String, Object>) mediaType.getOrDefault("examples", Map.of())).forEach((name, example) ->
                values.put(name, resolve(contract, (Map<String, Object>) example).get("value")));
        return values;
    }

    /** "METHOD path" → operation id and its parameters ("in:name:required"). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> operations(Map<String, Object> document, Map<String, Object> root) {
        Map<String, String> operations = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, methods) ->
                methods.forEach((method, operation) -> {
                    if (!(operation instanceof Map<?, ?> op) || !op.containsKey("operationId")) {
                        return;
                    }
                    Set<String> parameters = new TreeSet<>();
                    Object declared = op.get("parameters");
                    for (Object parameter : declared == null ? List.of() : (List<Object>) declared) {
                        Map<String, Object> resolved = resolve(root, (Map<String, Object>) parameter);
                        parameters.add(resolved.get("in") + ":" + resolved.get("name") + ":"
                                + Boolean.TRUE.equals(resolved.get("required")));
                    }
                    operations.put(method.toUpperCase() + " " + path, op.get("operationId") + " " + parameters);
                }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemas(Map<String, Object> document) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    }

    /** Property names, with allOf parts merged. */
    @SuppressWarnings("unchecked")
    private static Set<String> propertyNames(Map<String, Object> root, Object schemaObject) {
        Map<String, Object> schema = resolve(root, (Map<String, Object>) schemaObject);
        Set<String> names = new TreeSet<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.keySet().forEach(name -> names.add((String) name));
        }
        for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
            names.addAll(propertyNames(root, part));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> required(Object schema) {
        return new TreeSet<>((List<String>) ((Map<String, Object>) schema).getOrDefault("required", new ArrayList<>()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Object target = root;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = ((Map<String, Object>) target).get(part);
        }
        return resolve(root, (Map<String, Object>) target);
    }
}
