package com.acme.payment.app.security;

import com.acme.payment.domain.model.TypedText;
import com.acme.payment.domain.port.out.RateLimiter;
import com.acme.payment.domain.port.out.RateLimiter.Limit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every admin sign-in goes through here (HTTP Basic and the console's session sign-in): after too many failures from
 * one client address, or for one username from anywhere, it refuses with {@link Throttled} before checking the
 * password, so guessing gets slow and junk credentials stop costing a bcrypt check each. Failures are counted
 * where every instance sees them (RateLimiter); successful sign-ins cost nothing.
 */
public class ThrottledAuthenticationManager implements AuthenticationManager {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledAuthenticationManager.class);

    private final AuthenticationManager delegate;
    private final RateLimiter rateLimiter;
    private final Limit byAddress;
    private final Limit byUsername;

    public ThrottledAuthenticationManager(AuthenticationManager delegate, RateLimiter rateLimiter, int failures,
                                          Duration window) {
        this.delegate = delegate;
        this.rateLimiter = rateLimiter;
        this.byAddress = new Limit("sign-in-failures-by-address", failures, window);
        this.byUsername = new Limit("sign-in-failures-by-username", failures, window);
    }

    /** @param attempt carries the client address as {@link WebAuthenticationDetails}, as Spring's filters set it */
    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getDetails() instanceof WebAuthenticationDetails details)) {
            throw new IllegalArgumentException("a sign-in attempt needs the client address (WebAuthenticationDetails)");
        }
        String address = details.getRemoteAddress();
        String username = usernameKey(attempt.getName());
        Optional<Duration> wait = counting(() -> Stream.of(rateLimiter.waitFor(byAddress, address),
                rateLimiter.waitFor(byUsername, username)).flatMap(Optional::stream).max(Duration::compareTo));
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        try {
            return delegate.authenticate(attempt);
        } catch (BadCredentialsException e) {
            LOG.warn("admin sign-in failed for user '{}' from {}", printable(attempt.getName()), address);
            counting(() -> Stream.of(rateLimiter.tryConsume(byAddress, address),
                    rateLimiter.tryConsume(byUsername, username)).toList());
            throw e;
        }
    }

    /** The limits live in the database: when it is down, sign-ins fail as unavailable, not as unthrottled. */
    private static <T> T counting(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("the sign-in throttle is unavailable", e);
        }
    }

    /** Usernames are case-insensitive; hashed to a key of fixed length, whatever the client sent. */
    private static String usernameKey(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The client wrote it: no line breaks, control or bidi characters into the log, and not much of it. */
    private static String printable(String text) {
        return TypedText.replaceForbidden(text.length() > 64 ? text.substring(0, 64) + "…" : text);
    }

    /** Too many failed sign-ins: try again after {@link #retryAfter()}. */
    public static final class Throttled extends AuthenticationException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed sign-ins");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
