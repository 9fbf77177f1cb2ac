package com.acme.payment.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Status polls are the busiest request. The JSON converter flushes what it wrote, which commits the response
 * without a length: Tomcat then sends it chunked, in two writes (body, then the closing chunk). Holding the
 * small body until the handler is done lets it go out in one write, with a Content-Length.
 */
@Configuration(proxyBeanMethods = false)
public class StatusResponseConfiguration {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> statusContentLength() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, buffered);
                buffered.copyBodyToResponse();
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/payment/status/*");
        return registration;
    }
}
