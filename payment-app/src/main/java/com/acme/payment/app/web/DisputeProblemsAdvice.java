package com.acme.payment.app.web;

import static com.acme.payment.app.web.ProblemDetailsAdvice.problem;
import static com.acme.payment.app.web.ProblemDetailsAdvice.respond;

import com.acme.payment.domain.model.DisputeClosedException;
import com.acme.payment.domain.model.DisputeNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Dispute problems; ordered first, since PaymentProblemsAdvice answers any other exception with a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DisputeProblemsAdvice {

    @ExceptionHandler(DisputeNotFoundException.class)
    ResponseEntity<Object> notFound(DisputeNotFoundException e) {
        return respond(problem(ProblemType.NOT_FOUND, "No such dispute."));
    }

    @ExceptionHandler(DisputeClosedException.class)
    ResponseEntity<Object> closed(DisputeClosedException e) {
        return respond(problem(ProblemType.INVALID_STATE, e.getMessage()));
    }
}
