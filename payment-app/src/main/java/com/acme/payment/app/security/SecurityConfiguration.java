package com.acme.payment.app.security;

import com.acme.payment.app.config.PaymentProperties;
import com.acme.payment.app.web.ProblemDetailsAdvice;
import com.acme.payment.app.web.ProblemType;
import com.acme.payment.app.web.RequestLimitsConfiguration;
import com.acme.payment.domain.port.out.AdminUsers;
import com.acme.payment.domain.port.out.RateLimiter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin endpoints and metrics need HTTP Basic or the console's session, and a role; everything else is public and
 * stateless. CSRF protection guards the session cookie; admin writes must be JSON too.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** Methods a cross-site form cannot send (DELETE neither), so they need no JSON proof. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "DELETE");
    private static final String SESSION = "/api/admin/session";

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
     * Admin endpoints and metrics: HTTP Basic, or the console's session cookie, both through the sign-in throttle.
     * Only these paths read credentials, so an Authorization header elsewhere costs nothing. Roles: viewer reads,
     * operator also changes payments, disputes and events, admin also manages users (a hierarchy: each includes
     * the one before); anything not listed needs admin.
     * CSRF: a request riding on the session cookie must echo the XSRF-TOKEN cookie in X-XSRF-TOKEN; a Basic request
     * carries its own credentials, which no other site can add. Writes must be JSON too: a browser sends a cached
     * Basic login cross-site, but no form can post application/json.
     */
    @Bean
    @Order(2)
    SecurityFilterChain adminApi(HttpSecurity http, JsonMapper jsonMapper,
                                 ThrottledAuthenticationManager adminAuthentication,
                                 SecurityContextRepository sessionContexts, CsrfTokenRepository csrfTokens)
            throws Exception {
        AuthenticationEntryPoint problemEntryPoint = (request, response, exception) -> {
            ProblemDetail problem = SignInProblems.of(exception, response::setHeader,
                    "Sign in (POST /api/admin/session) or send HTTP Basic credentials.");
            if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value() && !fromBrowserScript(request)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"payment-admin\"");
            }
            problem.setInstance(URI.create(request.getRequestURI()));
            RequestLimitsConfiguration.writeProblem(response, jsonMapper, problem);
        };
        AccessDeniedHandler problemAccessDenied = (request, response, denied) -> {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current == null || current instanceof AnonymousAuthenticationToken) {
                problemEntryPoint.commence(request, response, new InsufficientAuthenticationException("not signed in"));
                return;
            }
            ProblemDetail problem = ProblemDetailsAdvice.problem(ProblemType.FORBIDDEN, denied instanceof CsrfException
                    ? "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
                    : "Your role does not allow this.");
            problem.setInstance(URI.create(request.getRequestURI()));
            RequestLimitsConfiguration.writeProblem(response, jsonMapper, problem);
        };
        http.securityMatcher("/api/admin/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(SecurityConfiguration::sendsBasicCredentials)
                        // The console has no token before it signs in; a form cannot post this JSON.
                        .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SESSION)))
                // Only the sign-in creates a session; Basic requests and refusals never do.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(sessionContexts))
                .requestCache(cache -> cache.disable())
                .cors(Customizer.withDefaults())
                .authenticationManager(adminAuthentication)
                .authorizeHttpRequests(authorize -> authorize
                        // Ends a stream that was authorized when it was opened; a Basic login is not kept for it.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, SESSION).permitAll()
                        .requestMatchers(SESSION).authenticated()
                        // Own password; the controller lets only an admin change anything else.
                        .requestMatchers(HttpMethod.PATCH, "/api/admin/users/*").authenticated()
                        .requestMatchers("/api/admin/users", "/api/admin/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/admin/payments/*/refunds",
                                "/api/admin/payments/*/cancel", "/api/admin/disputes/**", "/api/admin/events/**")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasRole("VIEWER")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDenied))
                .addFilterAfter(jsonWritesOnly(jsonMapper), AuthorizationFilter.class);
        pageHeaders(http);
        return http.build();
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * A fetch from a page (Sec-Fetch-Mode cors or same-origin): a Basic challenge would pop up the browser's own
     * dialog over the console's sign-in form.
     */
    private static boolean fromBrowserScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return mode != null && !mode.equals("navigate");
    }

    /** Role names as stored, ranked: each includes the ones below it. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("OPERATOR")
                .role("OPERATOR").implies("VIEWER").build();
    }

    /**
     * The console's sign-in stores the context in the session, where the admin chain looks for it. It never creates
     * a session: HTTP Basic saves its context here too, and each Basic request would leave a session row behind.
     */
    @Bean
    SecurityContextRepository sessionContexts() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return sessions;
    }

    /** XSRF-TOKEN, readable by the console's script (httpOnly=false), on path "/". */
    @Bean
    CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        return tokens;
    }

    /**
     * Spring Session's filter wraps only the admin API: the public API and the page never read a session, and the
     * busiest requests should not pay for the wrapping.
     */
    @Bean
    static BeanPostProcessor sessionFilterOnAdminApiOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AbstractFilterRegistrationBean<?> registration
                        && name.equals("springSessionRepositoryFilterRegistration")) {
                    registration.setUrlPatterns(List.of("/api/admin/*"));
                }
                return bean;
            }
        };
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
    ThrottledAuthenticationManager adminAuthentication(AdminAccounts accounts, PasswordEncoder passwordEncoder,
                                                       RateLimiter rateLimiter, PaymentProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
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
    AdminAccounts adminAccounts(AdminUsers users, PasswordEncoder passwordEncoder,
                                FindByIndexNameSessionRepository<?> sessions, Clock clock) {
        return new AdminAccounts(users, passwordEncoder, sessions, clock);
    }

    /**
     * The configured admin (PAYMENT_ADMIN_USERNAME) exists before the first request: created with role admin on the
     * first start, with PAYMENT_ADMIN_PASSWORD or a generated password that is logged this once. After that the
     * variable is not read: passwords are changed in the console.
     */
    @Bean
    SmartInitializingSingleton configuredAdmin(AdminAccounts accounts, PaymentProperties properties) {
        return () -> {
            String username = properties.admin().username();
            String password = properties.admin().password();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                password = randomPassword();
            }
            if (accounts.createConfiguredAdmin(username, password) && generated) {
                LOG.warn("No PAYMENT_ADMIN_PASSWORD set. Created admin user '{}' with the generated password: {} "
                        + "(shown this once; change it in the console)", username, password);
            }
        };
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
