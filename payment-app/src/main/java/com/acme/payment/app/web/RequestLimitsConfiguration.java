package com.acme.payment.app.web;

import com.acme.payment.app.config.PaymentProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Limits applied before any controller: body size and arrival time, and create-intent rate per client. */
@Configuration(proxyBeanMethods = false)
public class RequestLimitsConfiguration {

    private static final String CREATE_INTENT = "/api/payment/stripe/create-intent";

    /** Ahead of Spring Security, metrics and the rate limit: none of them runs before the body is in. */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBody(PaymentProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyFilter(properties.maxBodyBytes(), properties.bodyReadTimeout(), json));
        registration.addUrlPatterns("/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Per client address; a page creates a handful of intents, a script thousands. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> createIntentRateLimit(PaymentProperties properties, JsonMapper json) {
        int perMinute = properties.createIntentPerMinute();
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (!"POST".equals(request.getMethod()) || !CREATE_INTENT.equals(request.getRequestURI())) {
                    chain.doFilter(request, response);
                    return;
                }
                Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                        .build());
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    writeProblem(response, json, ProblemDetailsAdvice.problem(ProblemType.RATE_LIMITED,
                            "Too many payments started from this address; try again in " + retryAfter + " s."));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(CREATE_INTENT);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static void writeProblem(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
