package com.acme.payment.app.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a reverse proxy the peer is the proxy: X-Forwarded-For gives the client address that the rate limits
 * key on, X-Forwarded-Proto whether the client used https (HSTS is sent only then). Those headers are believed
 * only from PAYMENT_TRUSTED_PROXIES; unset, or from any other peer, they are removed, since anyone can send them.
 */
@Configuration(proxyBeanMethods = false)
public class TrustedProxiesConfiguration {

    /** First of all filters: the body limit, Spring Security and the rate limits all see the client. */
    @Bean
    FilterRegistrationBean<TrustedProxiesFilter> trustedProxies(PaymentProperties properties) {
        List<IpAddressMatcher> proxies = properties.trustedProxies() == null ? List.of()
                : properties.trustedProxies().stream().map(String::strip).filter(proxy -> !proxy.isEmpty())
                        .map(IpAddressMatcher::new).toList();
        FilterRegistrationBean<TrustedProxiesFilter> registration =
                new FilterRegistrationBean<>(new TrustedProxiesFilter(proxies));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Spring's ForwardedHeaderFilter applies X-Forwarded-Proto, -Host and -Port, but takes the client from the
     * left of X-Forwarded-For, which the client itself may have written. The client is the right-most address
     * that is not a trusted proxy: each proxy appends the peer it saw.
     */
    static final class TrustedProxiesFilter extends OncePerRequestFilter {

        private final List<IpAddressMatcher> proxies;
        private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();
        private final ForwardedHeaderFilter removeForwarded = new ForwardedHeaderFilter();

        TrustedProxiesFilter(List<IpAddressMatcher> proxies) {
            this.proxies = proxies;
            removeForwarded.setRemoveOnly(true);
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!trusted(request.getRemoteAddr())) {
                removeForwarded.doFilter(request, response, chain);
                return;
            }
            String client = client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
            forwarded.doFilter(request, response, (forwardedRequest, forwardedResponse) -> chain.doFilter(
                    new ClientRequest((HttpServletRequest) forwardedRequest, client), forwardedResponse));
        }

        private String client(String peer, String forwardedFor) {
            String[] hops = StringUtils.commaDelimitedListToStringArray(forwardedFor);
            String client = peer;
            for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
                client = hops[i].strip();
            }
            return client;
        }

        private boolean trusted(String address) {
            return proxies.stream().anyMatch(proxy -> matches(proxy, address));
        }

        /** A forwarded hop that is not an address (a name, "unknown", a port) is not a trusted proxy. */
        private static boolean matches(IpAddressMatcher proxy, String address) {
            try {
                return proxy.matches(address);
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
    }

    private static final class ClientRequest extends HttpServletRequestWrapper {

        private final String client;

        ClientRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
