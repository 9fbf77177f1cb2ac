package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.FieldErrorResponse;
import com.acme.payment.domain.model.PaymentStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every error is RFC 9457 problem+json, with the problem types openapi.yaml lists. Never a stack trace. This
 * advice answers what Spring MVC and Spring Security refuse; {@link PaymentProblemsAdvice}, consulted after it,
 * what the use cases throw.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail invalidFields(List<FieldErrorResponse> errors) {
        ProblemDetail problem = problem(ProblemType.VALIDATION_ERROR, errors.stream()
                .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Spring Security's firewall refuses a header value with control characters when a handler reads it. The
     * message quotes the value, which is the sender's text: neither echoed nor logged.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedByFirewall(RequestRejectedException e) {
        LOG.warn("rejected a request whose headers contain characters that are not allowed");
        return respond(problem(ProblemType.MALFORMED_REQUEST,
                "A header contains characters that are not allowed (control characters)."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(invalidFields(bodyFieldErrors(e.getBindingResult().getFieldErrors()).toList()));
    }

    /** A handler with constrained parameters validates them all at once, the @Valid body included. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldErrorResponse> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body ? bodyFieldErrors(body.getFieldErrors())
                        : result.getResolvableErrors().stream().map(error -> new FieldErrorResponse(
                                parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldErrorResponse::field))
                .toList();
        return respond(invalidFields(errors));
    }

    private static Stream<FieldErrorResponse> bodyFieldErrors(List<org.springframework.validation.FieldError> errors) {
        return errors.stream().map(error -> new FieldErrorResponse(error.getField(), error.getDefaultMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            return respond(invalidFields(List.of(new FieldErrorResponse(field, "has the wrong type or is not allowed"))));
        }
        return respond(problem(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.METHOD_NOT_ALLOWED, e.getMessage());
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(problem.getStatus()).headers(allow).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(problem(ProblemType.NOT_FOUND, "No such resource."));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            if ("Stripe-Signature".equalsIgnoreCase(missing.getHeaderName())) {
                return respond(problem(ProblemType.INVALID_SIGNATURE, "The Stripe-Signature header is missing."));
            }
            return respond(invalidFields(List.of(new FieldErrorResponse(missing.getHeaderName(), "is required"))));
        }
        return respond(problem(ProblemType.MALFORMED_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        // A repeatable parameter (status=a&status=b) names its element type one level down.
        boolean status = e.getRequiredType() == PaymentStatus.class
                || e.getParameter().nested().getNestedParameterType() == PaymentStatus.class;
        String message = status
                ? "is not a payment status (" + Arrays.stream(PaymentStatus.values()).map(PaymentStatus::apiName)
                        .collect(Collectors.joining(", ")) + ")"
                : "has the wrong type";
        return respond(invalidFields(List.of(new FieldErrorResponse(e.getName(), message))));
    }

    private static String parameterName(MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        var query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        return parameter.getParameterName();
    }

    /** Typed as the base class's handlers are, so ours and the overridden ones share it. */
    static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
