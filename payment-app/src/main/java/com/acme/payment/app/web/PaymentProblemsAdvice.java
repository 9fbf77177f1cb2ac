package com.acme.payment.app.web;

import static com.acme.payment.app.web.ProblemDetailsAdvice.invalidFields;
import static com.acme.payment.app.web.ProblemDetailsAdvice.problem;
import static com.acme.payment.app.web.ProblemDetailsAdvice.respond;

import com.acme.payment.app.web.dto.FieldErrorResponse;
import com.acme.payment.domain.model.EventPayloadPurgedException;
import com.acme.payment.domain.model.GatewayEventNotFoundException;
import com.acme.payment.domain.model.CheckoutUnavailableException;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.RefundNotAllowedException;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.out.InvalidWebhookException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the use cases, the gateway and the database throw, as problem+json; anything else is a 500 without detail. */
@RestControllerAdvice
public class PaymentProblemsAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentProblemsAdvice.class);

    @ExceptionHandler(InvalidPaymentRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidPaymentRequestException e) {
        return respond(invalidFields(List.of(new FieldErrorResponse(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ResponseEntity<Object> notFound(PaymentNotFoundException e) {
        return respond(problem(ProblemType.NOT_FOUND, "No such payment."));
    }

    @ExceptionHandler(GatewayEventNotFoundException.class)
    ResponseEntity<Object> eventNotFound(GatewayEventNotFoundException e) {
        return respond(problem(ProblemType.NOT_FOUND, "No such event."));
    }

    @ExceptionHandler(EventPayloadPurgedException.class)
    ResponseEntity<Object> eventPayloadPurged(EventPayloadPurgedException e) {
        return respond(problem(ProblemType.EVENT_PAYLOAD_PURGED, e.getMessage()));
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<Object> tooManyStreams(TooManyStreamsException e) {
        return respond(problem(ProblemType.RATE_LIMITED, e.getMessage()));
    }

    @ExceptionHandler(StreamsFullException.class)
    ResponseEntity<Object> streamsFull(StreamsFullException e) {
        return respond(problem(ProblemType.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler({IllegalTransitionException.class, StalePaymentException.class,
            CheckoutUnavailableException.class})
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
        LOG.error("storage unavailable: {}", FirstLines.firstLine(e.getMessage()));
        ProblemDetail problem = problem(ProblemType.SERVICE_UNAVAILABLE,
                "Storage is temporarily unavailable; try again shortly.");
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        LOG.error("unexpected error", FirstLines.of(e));
        return respond(problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side."));
    }
}
