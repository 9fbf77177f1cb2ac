package com.acme.payment.app.security;

import com.acme.payment.app.web.dto.SessionResponse;
import com.acme.payment.app.web.dto.SignInRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's sign-in: a session (Spring Session in PostgreSQL, so any instance serves it) behind an HttpOnly
 * cookie, plus the CSRF token cookie the console echoes in X-XSRF-TOKEN. Sign-in goes through the same throttle
 * as HTTP Basic.
 */
@RestController
@RequestMapping("/api/admin/session")
@Tag(name = "console")
public class AdminSessionController {

    private static final WebAuthenticationDetailsSource DETAILS = new WebAuthenticationDetailsSource();

    private final ThrottledAuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;

    public AdminSessionController(ThrottledAuthenticationManager authentication, SecurityContextRepository contexts,
                                  CsrfTokenRepository csrfTokens) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    @Operation(operationId = "signIn", summary = "Sign in to the console: a session cookie and an XSRF-TOKEN cookie")
    @PostMapping
    public ResponseEntity<Object> signIn(@Valid @RequestBody SignInRequest credentials, HttpServletRequest request,
                                         HttpServletResponse response) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                credentials.username(), credentials.password());
        attempt.setDetails(DETAILS.buildDetails(request));
        Authentication signedIn;
        try {
            signedIn = authentication.authenticate(attempt);
        } catch (AuthenticationException e) {
            return refused(e);
        }
        // A new session id at sign-in: an id planted before it (session fixation) is worth nothing after.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return ResponseEntity.ok(toSession(signedIn));
    }

    /** Also (re)issues the XSRF-TOKEN cookie, e.g. after the console's page was reloaded. */
    @Operation(operationId = "getSession", summary = "Who is signed in, with which role")
    @GetMapping
    public SessionResponse current(Principal signedIn, HttpServletRequest request) {
        ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
        return toSession((Authentication) signedIn);
    }

    @Operation(operationId = "signOut", summary = "Sign out: the session ends")
    @DeleteMapping
    public ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
        return ResponseEntity.noContent().build();
    }

    static SessionResponse toSession(Authentication signedIn) {
        return new SessionResponse(signedIn.getName(), signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
                .findFirst().orElseThrow());
    }

    /** No WWW-Authenticate here: the console shows its own form, not the browser's Basic dialog. */
    private static ResponseEntity<Object> refused(AuthenticationException e) {
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = SignInProblems.of(e, headers::set, "Wrong username or password.");
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
