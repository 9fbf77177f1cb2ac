package com.acme.payment.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Serves the hand-written contract, openapi.yaml, with its examples and every error response, to
 * integrators and Swagger UI. What springdoc generates from the controllers is served under
 * /api-docs/generated, and a test fails when the two drift apart.
 */
@RestController
@Hidden
public class ApiContractController {

    static final String CONTRACT = "openapi/openapi.yaml";

    private final String yaml;
    private final Map<String, Object> document;

    public ApiContractController() {
        try (InputStream in = new ClassPathResource(CONTRACT).getInputStream()) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is missing from the jar", e);
        }
        this.document = new Yaml(new LoaderOptions()).load(yaml);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> apiDocs() {
        return document;
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    public String openApiYaml() {
        return yaml;
    }
}
