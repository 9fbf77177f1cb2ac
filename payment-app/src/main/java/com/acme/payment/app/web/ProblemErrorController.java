package com.acme.payment.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
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

    private static final Map<HttpStatus, ProblemType> TYPES = Map.of(
            HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
            HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
            HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
            HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
            HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED,
            HttpStatus.REQUEST_TIMEOUT, ProblemType.REQUEST_TIMEOUT,
            HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
            HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
            HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        if (status == null || status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemType type = TYPES.getOrDefault(status, ProblemType.INTERNAL_ERROR);
        ProblemDetail problem = type.status() == status ? ProblemDetailsAdvice.problem(type, type.title() + ".")
                : ProblemDetail.forStatus(status);
        return ResponseEntity.status(status).body(problem);
    }
}
