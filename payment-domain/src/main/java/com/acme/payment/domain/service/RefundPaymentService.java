package com.acme.payment.domain.service;

import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.in.RefundPaymentUseCase;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Optional;

/**
 * Refunds in three steps: reserve the amount on the payment (so concurrent refunds can never exceed
 * what was captured), ask the gateway outside any transaction, then record the result.
 */
public class RefundPaymentService implements RefundPaymentUseCase {

    private final PaymentRepository repository;
    private final PaymentGateway gateway;
    private final PaymentTransactions transactions;
    private final PaymentNotifications notifications;
    private final Clock clock;

    public RefundPaymentService(PaymentRepository repository, PaymentGateway gateway, TransactionRunner transactions,
                                PaymentNotifier notifier, Clock clock) {
        this.repository = repository;
        this.gateway = gateway;
        this.transactions = new PaymentTransactions(repository, transactions);
        this.notifications = new PaymentNotifications(notifier);
        this.clock = clock;
    }

    @Override
    public Result refund(Command command) {
        Payment payment = transactions.load(command.paymentId());
        Optional<Refund> earlier = earlierRefund(payment, command);
        if (earlier.isPresent()) {
            return new Result(earlier.get(), true);
        }
        Refund reserved;
        try {
            reserved = transactions.retryingStale(() -> {
                Payment current = transactions.load(command.paymentId());
                Refund refund = current.requestRefund(Refund.newId(), command.amount(), command.reason(),
                        command.idempotencyKey(), clock.instant());
                repository.update(current);
                repository.insertRefund(refund);
                return refund;
            });
        } catch (DuplicateIdempotencyKeyException raced) {
            return new Result(earlierRefund(payment, command).orElseThrow(() -> raced), true);
        }

        GatewayRefund made;
        try {
            made = gateway.refund(payment.gatewayReference(), reserved.amount(), reserved.refundId());
        } catch (GatewayException refused) {
            transactions.retryingStale(() -> {
                Payment current = transactions.load(command.paymentId());
                current.releaseRefund(reserved, clock.instant());
                repository.update(current);
                repository.updateRefund(reserved.failed());
                return null;
            });
            throw refused;
        }
        Refund succeeded = reserved.succeeded(made.refundId());
        transactions.retryingStale(() -> {
            Payment current = transactions.load(command.paymentId());
            EventOutcome outcome = current.completeRefund(reserved, made.refundedTotal(), clock.instant());
            repository.update(current);
            repository.updateRefund(succeeded);
            if (outcome == EventOutcome.APPLIED) {
                notifications.afterRefund(current);
            }
            return null;
        });
        return new Result(succeeded, false);
    }

    private Optional<Refund> earlierRefund(Payment payment, Command command) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        Optional<Refund> earlier = repository.findRefundByIdempotencyKey(payment.id(), command.idempotencyKey());
        earlier.filter(refund -> command.amount() != null && command.amount() != refund.amount())
                .ifPresent(refund -> {
                    throw new IdempotencyKeyReusedException();
                });
        return earlier;
    }
}
