package com.acme.payment.app.security;

import com.acme.payment.app.web.ProblemDetailsAdvice;
import com.acme.payment.app.web.ProblemType;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

/** How a refused sign-in is answered, for HTTP Basic and the console's session sign-in alike. */
final class SignInProblems {

    private SignInProblems() {
    }

    /**
     * 429 with Retry-After when throttled, 503 when the users or the throttle cannot be read, else 401 with
     * {@code unauthorized} as the detail.
     *
     * @param header sets a response header
     */
    static ProblemDetail of(AuthenticationException exception, BiConsumer<String, String> header, String unauthorized) {
        if (exception instanceof ThrottledAuthenticationManager.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            header.accept(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return ProblemDetailsAdvice.problem(ProblemType.RATE_LIMITED,
                    "Too many failed sign-ins; try again in " + seconds + " s.");
        }
        if (exception instanceof AuthenticationServiceException) {
            header.accept(HttpHeaders.RETRY_AFTER, "5");
            return ProblemDetailsAdvice.problem(ProblemType.SERVICE_UNAVAILABLE,
                    "Storage is temporarily unavailable; try again shortly.");
        }
        return ProblemDetailsAdvice.problem(ProblemType.UNAUTHORIZED, unauthorized);
    }
}
