package com.acme.payment.app.config;

import java.util.List;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy the peer is the proxy: X-Forwarded-For gives the client address that the rate limits
 * key on, X-Forwarded-Proto whether the client used https (HSTS is sent only then). Those headers are believed
 * only from PAYMENT_TRUSTED_PROXIES; unset, they are ignored, since anyone can send them.
 */
@Configuration(proxyBeanMethods = false)
public class TrustedProxiesConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(PaymentProperties properties) {
        List<String> proxies = properties.trustedProxies() == null ? List.of() : properties.trustedProxies().stream()
                .map(String::strip).filter(proxy -> !proxy.isEmpty()).map(TrustedProxiesConfiguration::cidr).toList();
        return factory -> {
            if (proxies.isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            // A list with a '/' is read as CIDR blocks (Tomcat's NetMaskSet), otherwise as one regex.
            valve.setInternalProxies(String.join(",", proxies));
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        };
    }

    /** A single address is a block of one. */
    private static String cidr(String proxy) {
        return proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
    }
}
