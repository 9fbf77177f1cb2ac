package com.acme.payment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * parameters, and the properties of every request and response schema.
 */
class ApiContractIT extends AbstractAppIT {

    /** Schemas that describe values or documents rather than a controller's record. */
    private static final Set<String> NOT_RECORDS = Set.of("PaymentId", "CurrencyCode", "MinorAmount",
            "PaymentStatus", "StripeEvent", "Problem", "FieldError");

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
                "RefundRequest")) {
            assertThat(required(schemas(generated).get(name))).as(name)
                    .isEqualTo(required(schemas(contract).get(name)));
        }
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
