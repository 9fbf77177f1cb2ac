package com.acme.payment.domain.service;

import com.acme.payment.domain.model.CheckoutUnavailableException;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.in.StartPaymentUseCase;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stores the payment first, then asks the gateway for an intent outside any transaction. If the gateway
 * call fails, the payment stays pending without a reference: a retry with the same Idempotency-Key
 * creates the intent (the gateway dedupes by payment id), and the reconciler cancels it if nobody does.
 */
public class StartPaymentService implements StartPaymentUseCase {

    private final PaymentRepository repository;
    private final PaymentGateway gateway;
    private final PaymentTransactions transactions;
    private final PaymentCatalog catalog;
    private final Clock clock;

    public StartPaymentService(PaymentRepository repository, PaymentGateway gateway, TransactionRunner transactions,
                               PaymentEvents events, PaymentCatalog catalog, Clock clock) {
        this.repository = repository;
        this.gateway = gateway;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Result start(Command command) {
        Stored stored = store(command);
        if (stored.payment().checkoutSessionId() != null) {
            throw new CheckoutUnavailableException("payment " + stored.payment().id()
                    + " is paid on the hosted checkout page; its Idempotency-Key cannot start an embedded one");
        }
        return resume(stored.payment(), stored.replayed());
    }

    /**
     * Stores a new payment, or finds the one an earlier request with the same Idempotency-Key stored; the
     * gateway's part is the caller's. Shared with {@link StartHostedCheckoutService}.
     */
    Stored store(Command command) {
        Customer customer = new Customer(command.name(), command.email());
        catalog.requireServiceType(command.serviceType());
        Money amount = catalog.requireChargeable(command.amount(), command.currency());
        String fingerprint = fingerprint(command);

        // Inserted straight away: the unique key finds a replay (rare) without a lookup on every new payment.
        Payment payment = Payment.start(PaymentId.random(), customer, command.serviceType(), amount, gateway.name(),
                command.idempotencyKey(), fingerprint, command.metadata() == null ? Map.of() : command.metadata(),
                clock.instant());
        try {
            transactions.once(() -> {
                transactions.insert(payment);
                return null;
            });
        } catch (DuplicateIdempotencyKeyException replay) {
            Payment earlier = repository.findByIdempotencyKey(command.idempotencyKey()).orElseThrow(() -> replay);
            return new Stored(requireSameRequest(earlier, fingerprint), true);
        }
        return new Stored(payment, false);
    }

    record Stored(Payment payment, boolean replayed) {
    }

    private Result resume(Payment payment, boolean replayed) {
        if (payment.gatewayReference() != null) {
            return new Result(payment, gateway.retrieveIntent(payment.gatewayReference()).clientSecret(), replayed);
        }
        GatewayIntent intent = gateway.createIntent(payment);
        Payment withReference;
        try {
            // Usually nothing has touched the payment since it was read or inserted: no need to load it again.
            withReference = transactions.once(() -> attachReference(payment, intent));
        } catch (StalePaymentException changedMeanwhile) {
            withReference = transactions.retryingStale(
                    () -> attachReference(transactions.load(payment.id().value()), intent));
        }
        return new Result(withReference, intent.clientSecret(), replayed);
    }

    private Payment attachReference(Payment payment, GatewayIntent intent) {
        payment.attachGatewayReference(intent.reference(), clock.instant());
        transactions.update(payment);
        return payment;
    }

    private static Payment requireSameRequest(Payment earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return earlier;
    }

    /** Identifies the request's content, so that a key reused with another body is recognised. */
    static String fingerprint(Command command) {
        String canonical = String.join("\n", command.name().strip(), command.email().strip(), command.serviceType(),
                Long.toString(command.amount()), command.currency());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
