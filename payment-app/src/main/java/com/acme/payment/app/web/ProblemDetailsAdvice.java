package com.acme.payment.app.web;

import com.acme.payment.app.web.dto.FieldError;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.RefundNotAllowedException;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/** Every error is RFC 9457 problem+json, with the problem types openapi.yaml lists. Never a stack trace. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    static ProblemDetail invalidFields(List<FieldError> errors) {
        ProblemDetail problem = problem(ProblemType.VALIDATION_ERROR, errors.stream()
                .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(InvalidPaymentRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidPaymentRequestException e) {
        return respond(invalidFields(List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ResponseEntity<Object> notFound(PaymentNotFoundException e) {
        return respond(problem(ProblemType.NOT_FOUND, "No such payment."));
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<Object> tooManyStreams(TooManyStreamsException e) {
        return respond(problem(ProblemType.RATE_LIMITED, e.getMessage()));
    }

    @ExceptionHandler({IllegalTransitionException.class, StalePaymentException.class})
    ResponseEntity<Object> invalidState(RuntimeException e) {
        return respond(problem(ProblemType.INVALID_STATE, e.getMessage()));
    }

    @ExceptionHandler(RefundNotAllowedException.class)
    ResponseEntity<Object> refundNotAllowed(RefundNotAllowedException e) {
        return respond(problem(ProblemType.REFUND_EXCEEDS_REFUNDABLE, e.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return respond(problem(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage()));
    }

    @ExceptionHandler(InvalidWebhookException.class)
    ResponseEntity<Object> invalidWebhook(InvalidWebhookException e) {
        LOG.warn("rejected a webhook: {}", e.getMessage());
        return respond(problem(ProblemType.INVALID_SIGNATURE, "The webhook signature or body is not valid."));
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Object> gateway(GatewayException e) {
        LOG.warn("payment gateway call failed ({}): {}", e.reason(), e.getMessage());
        ProblemDetail problem = e.retryable()
                ? problem(ProblemType.GATEWAY_UNAVAILABLE, "The payment gateway is unavailable; try again shortly.")
                : problem(ProblemType.GATEWAY_ERROR, e.customerMessage() != null ? e.customerMessage()
                        : "The payment gateway refused the request.");
        return respond(problem);
    }

    /**
     * The database is down or overloaded: fail fast with 503 so clients (and Stripe) retry. A transaction that
     * cannot begin (no connection) or whose commit or rollback failed (connection lost) is the same trouble.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            NonTransientDataAccessResourceException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class})
    ResponseEntity<Object> storageUnavailable(NestedRuntimeException e) {
        LOG.error("storage unavailable: {}", e.getMessage());
        ProblemDetail problem = problem(ProblemType.SERVICE_UNAVAILABLE,
                "Storage is temporarily unavailable; try again shortly.");
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side."));
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
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body ? bodyFieldErrors(body.getFieldErrors())
                        : result.getResolvableErrors().stream().map(error -> new FieldError(
                                parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(invalidFields(errors));
    }

    private static Stream<FieldError> bodyFieldErrors(List<org.springframework.validation.FieldError> errors) {
        return errors.stream().map(error -> new FieldError(error.getField(), error.getDefaultMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            return respond(invalidFields(List.of(new FieldError(field, "has the wrong type or is not allowed"))));
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
            return respond(invalidFields(List.of(new FieldError(missing.getHeaderName(), "is required"))));
        }
        return respond(problem(ProblemType.MALFORMED_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() == PaymentStatus.class
                ? "is not a payment status (" + Arrays.stream(PaymentStatus.values()).map(PaymentStatus::apiName)
                        .collect(Collectors.joining(", ")) + ")"
                : "has the wrong type";
        return respond(invalidFields(List.of(new FieldError(e.getName(), message))));
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        var query = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        return parameter.getParameterName();
    }

    /** Typed as the base class's handlers are, so ours and the overridden ones share it. */
    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
