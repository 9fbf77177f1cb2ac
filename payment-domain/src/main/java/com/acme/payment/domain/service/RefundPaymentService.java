package com.acme.payment.domain.service;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.in.RefundPaymentUseCase;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Refunds in three steps: reserve the amount on the payment (so concurrent refunds can never exceed
 * what was captured), ask the gateway outside any transaction, then record the result. A refund
 * whose outcome is unknown stays pending; repeating the request with its Idempotency-Key settles it.
 */
public class RefundPaymentService implements RefundPaymentUseCase {

    private final RefundLedger refunds;
    private final PaymentGateway gateway;
    private final PaymentTransactions transactions;
    private final RefundOutcomes outcomes;
    private final Clock clock;

    public RefundPaymentService(PaymentRepository repository, RefundLedger refunds, PaymentGateway gateway,
                                TransactionRunner transactions, PaymentEvents events, PaymentNotifier notifier,
                                Clock clock) {
        this.refunds = refunds;
        this.gateway = gateway;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.outcomes = new RefundOutcomes(refunds, this.transactions, notifier, clock);
        this.clock = clock;
    }

    @Override
    public Result refund(Command command) {
        Payment payment = transactions.load(command.paymentId());
        Optional<Refund> earlier = earlierRefund(payment, command);
        if (earlier.isPresent()) {
            Refund refund = earlier.get();
            return new Result(
                    refund.status() == Refund.Status.PENDING ? settle(payment, refund, command.actor()) : refund, true);
        }
        Refund reserved;
        try {
            reserved = transactions.retryingStale(() -> {
                Payment current = transactions.load(command.paymentId());
                Refund refund = current.requestRefund(Refund.newId(), command.amount(), command.reason(),
                        command.idempotencyKey(), clock.instant());
                transactions.update(current);
                refunds.insertRefund(refund);
                return refund;
            });
        } catch (DuplicateIdempotencyKeyException raced) {
            return new Result(earlierRefund(payment, command).orElseThrow(() -> raced), true);
        }
        return new Result(settle(payment, reserved, command.actor()), false);
    }

    /**
     * Asks the gateway for a reserved refund and records the answer. The refund id is the gateway's
     * idempotency key, so asking again (a retry with the same Idempotency-Key) never refunds twice.
     * When the outcome is unknown (the gateway unreachable or failing) the refund stays pending and its
     * amount reserved: the gateway may have made it, so that money must not be refunded again.
     */
    private Refund settle(Payment payment, Refund pending, String actor) {
        GatewayRefund made;
        try {
            made = gateway.refund(payment.gatewayReference(), pending.amount(), pending.refundId());
        } catch (GatewayException refused) {
            if (refused.reason() != GatewayException.Reason.UNAVAILABLE) {
                outcomes.notMade(payment.id(), pending);
            }
            throw refused;
        }
        return outcomes.made(payment.id(), pending, made, actor);
    }

    private Optional<Refund> earlierRefund(Payment payment, Command command) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        Optional<Refund> earlier = refunds.findRefundByIdempotencyKey(payment.id(), command.idempotencyKey());
        earlier.filter(refund -> !isSameRequest(refund, command)).ifPresent(refund -> {
            throw new IdempotencyKeyReusedException();
        });
        return earlier;
    }

    /** An omitted amount meant "what is left", which the earlier refund took; the reason must match as sent. */
    private static boolean isSameRequest(Refund earlier, Command command) {
        return (command.amount() == null || command.amount() == earlier.amount())
                && Objects.equals(command.reason(), earlier.reason());
    }
}
