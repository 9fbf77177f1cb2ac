package com.acme.payment.app.security;

import com.acme.payment.app.config.PaymentProperties;
import com.acme.payment.app.web.ProblemDetailsAdvice;
import com.acme.payment.app.web.ProblemType;
import com.acme.payment.app.web.RequestLimitsConfiguration;
import com.acme.payment.domain.port.out.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
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
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin endpoints and metrics need HTTP Basic; everything else is public. The API is stateless (no
 * session, no cookie), so CSRF protection has nothing to protect and is off; admin writes must be JSON instead.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

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

    /**
     * Admin endpoints and metrics: HTTP Basic through the sign-in throttle. Only these paths read credentials, so
     * an Authorization header elsewhere costs nothing. Writes must be JSON: a browser sends a cached Basic login
     * cross-site too, but no form can post application/json.
     */
    @Bean
    @Order(2)
    SecurityFilterChain adminApi(HttpSecurity http, JsonMapper jsonMapper,
                                 ThrottledAuthenticationManager adminAuthentication) throws Exception {
        AuthenticationEntryPoint problemEntryPoint = (request, response, exception) -> {
            ProblemDetail problem;
            if (exception instanceof ThrottledAuthenticationManager.Throttled throttled) {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problem = ProblemDetailsAdvice.problem(ProblemType.RATE_LIMITED,
                        "Too many failed sign-ins; try again in " + seconds + " s.");
            } else if (exception instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problem = ProblemDetailsAdvice.problem(ProblemType.SERVICE_UNAVAILABLE,
                        "Storage is temporarily unavailable; try again shortly.");
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"payment-admin\"");
                problem = ProblemDetailsAdvice.problem(ProblemType.UNAUTHORIZED,
                        "Admin endpoints need HTTP Basic credentials.");
            }
            problem.setInstance(URI.create(request.getRequestURI()));
            RequestLimitsConfiguration.writeProblem(response, jsonMapper, problem);
        };
        http.securityMatcher("/api/admin/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authenticationManager(adminAuthentication)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problemEntryPoint))
                .addFilterAfter(jsonWritesOnly(jsonMapper), AuthorizationFilter.class);
        pageHeaders(http);
        return http.build();
    }

    /** The Payment page, its assets, health, docs: public, and credentials sent to them are not even read. */
    @Bean
    @Order(3)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        pageHeaders(http);
        return http.build();
    }

    private static void pageHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    private static OncePerRequestFilter jsonWritesOnly(JsonMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (!SAFE_METHODS.contains(request.getMethod()) && !isJson(request.getContentType())) {
                    ProblemDetail problem = ProblemDetailsAdvice.problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "Admin changes need Content-Type: application/json.");
                    problem.setInstance(URI.create(request.getRequestURI()));
                    RequestLimitsConfiguration.writeProblem(response, json, problem);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Admin users have one hashed password; every sign-in goes through the throttle. */
    @Bean
    ThrottledAuthenticationManager adminAuthentication(UserDetailsService adminUsers, PasswordEncoder passwordEncoder,
                                                       RateLimiter rateLimiter, PaymentProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(adminUsers);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationManager(new ProviderManager(passwords), rateLimiter,
                properties.signInThrottle().failures(), properties.signInThrottle().window());
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
