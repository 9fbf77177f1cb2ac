package com.acme.payment.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web server refuses before Spring MVC sees the request (a header that is not valid UTF-8, say) reaches
 * the error page: problem+json there too, in place of Spring Boot's own error JSON. Not an API operation.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    /** The problem type for each status the server may refuse a request with; ProblemType knows the status. */
    private static final List<ProblemType> TYPES = List.of(ProblemType.MALFORMED_REQUEST, ProblemType.UNAUTHORIZED,
            ProblemType.FORBIDDEN, ProblemType.NOT_FOUND, ProblemType.METHOD_NOT_ALLOWED, ProblemType.REQUEST_TIMEOUT,
            ProblemType.PAYLOAD_TOO_LARGE, ProblemType.RATE_LIMITED, ProblemType.SERVICE_UNAVAILABLE);

    /** Another server error is an internal error (500); another client error keeps its status, untyped. */
    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemType type = TYPES.stream().filter(candidate -> candidate.status() == status).findFirst()
                .orElse(status.is5xxServerError() ? ProblemType.INTERNAL_ERROR : null);
        return ProblemDetailsAdvice.respond(type == null ? ProblemDetail.forStatus(status)
                : ProblemDetailsAdvice.problem(type, type.title() + "."));
    }
}
