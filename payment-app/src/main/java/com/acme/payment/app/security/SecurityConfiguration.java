package com.acme.payment.app.security;

import com.acme.payment.app.config.PaymentProperties;
import com.acme.payment.app.web.ProblemDetailsAdvice;
import com.acme.payment.app.web.ProblemType;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin endpoints and metrics need HTTP Basic; everything else is public. The API is stateless (no
 * session, no cookie), so CSRF protection has nothing to protect and is off.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Stripe.js runs in frames from Stripe's domains; everything else comes from this origin. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' https://js.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; "
            + "connect-src 'self' https://api.stripe.com; "
            + "img-src 'self' data: https://*.stripe.com; "
            + "style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** A JSON answer loads nothing and is never framed (OWASP's REST security headers). */
    private static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The customer's API is public and the busiest: it gets the headers and CORS, without the authentication,
     * session and authorization filters (and request wrappers) of the admin chain. Its headers are the short
     * set for JSON: a page's CSP and Referrer-Policy mean nothing to a JSON answer and were over half of the
     * bytes of a status poll.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicPaymentApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/payment/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.xssProtection(xss -> xss.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
        AuthenticationEntryPoint problemEntryPoint = (request, response, exception) -> {
            ProblemDetail problem = ProblemDetailsAdvice.problem(ProblemType.UNAUTHORIZED,
                    "Admin endpoints need HTTP Basic credentials.");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"payment-admin\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            jsonMapper.writeValue(response.getOutputStream(), problem);
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/admin/**", "/actuator/prometheus").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problemEntryPoint))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * No observation per security filter: wrapping each filter cost a third of a status poll's CPU
     * (bench/README.md). http.server.requests still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService adminUsers(PaymentProperties properties, PasswordEncoder passwordEncoder) {
        String username = properties.admin().username();
        String password = properties.admin().password();
        if (password == null || password.isBlank()) {
            password = randomPassword();
            LOG.warn("No PAYMENT_ADMIN_PASSWORD set. Admin user '{}' has the generated password: {}", username,
                    password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(username)
                .password(passwordEncoder.encode(password)).roles("ADMIN").build());
    }

    /** Same origin only, unless PAYMENT_CORS_ORIGINS names others. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(PaymentProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.corsOrigins() == null ? List.of()
                : properties.corsOrigins().stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key", "If-None-Match", "Authorization"));
            cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
