package com.acme.payment.app.web;

import com.acme.payment.app.config.PaymentProperties;
import com.acme.payment.domain.port.out.RateLimiter;
import com.acme.payment.domain.port.out.RateLimiter.Limit;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Limits applied before any controller: body size and arrival time, and create-intent rate per client. */
@Configuration(proxyBeanMethods = false)
public class RequestLimitsConfiguration {

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

    /**
     * Per client address, counted in the database so that every instance spends one allowance; a page creates a
     * handful of intents, a script thousands. Inside Spring MVC, so a database outage answers 503 like the rest.
     */
    @Bean
    WebMvcConfigurer createIntentRateLimit(PaymentProperties properties, RateLimiter rateLimiter, JsonMapper json) {
        Limit limit = new Limit("create-intent", properties.createIntentPerMinute(), Duration.ofMinutes(1));
        HandlerInterceptor interceptor = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws IOException {
                if (!"POST".equals(request.getMethod())) {
                    return true;
                }
                Optional<Duration> wait = rateLimiter.tryConsume(limit, request.getRemoteAddr());
                if (wait.isEmpty()) {
                    return true;
                }
                long retryAfter = Math.max(1, wait.get().toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                writeProblem(response, json, ProblemDetailsAdvice.problem(ProblemType.RATE_LIMITED,
                        "Too many payments started from this address; try again in " + retryAfter + " s."));
                return false;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns(PaymentController.CREATE_INTENT_PATH,
                        HostedCheckoutController.PATH);
            }
        };
    }

    public static void writeProblem(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
