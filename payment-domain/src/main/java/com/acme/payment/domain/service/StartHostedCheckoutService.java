package com.acme.payment.domain.service;

import com.acme.payment.domain.model.CheckoutUnavailableException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentCatalog;
import com.acme.payment.domain.port.in.StartHostedCheckoutUseCase;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Command;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.HostedCheckout.CheckoutSession;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import com.acme.payment.domain.service.StartPaymentService.Stored;
import java.time.Clock;
import java.time.Duration;

/**
 * Stores the payment as {@link StartPaymentService} does, then opens a checkout session for it outside any
 * transaction. A retry (same Idempotency-Key) gets the open session back, or a new one when it expired: the new
 * session's Stripe idempotency key names the session it replaces, so concurrent retries still make only one.
 */
public class StartHostedCheckoutService implements StartHostedCheckoutUseCase {

    /** Stripe's minimum is 30 minutes; an hour leaves room for clock skew and a slow customer. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(1);

    private final StartPaymentService payments;
    private final HostedCheckout checkout;
    private final PaymentCatalog catalog;
    private final PaymentTransactions transactions;
    private final String publicUrl;
    private final Clock clock;

    /** @param publicUrl where customers reach the Payment page; the session returns them there */
    public StartHostedCheckoutService(StartPaymentService payments, HostedCheckout checkout, PaymentCatalog catalog,
                                      PaymentRepository repository, TransactionRunner transactions,
                                      PaymentEvents events, String publicUrl, Clock clock) {
        this.payments = payments;
        this.checkout = checkout;
        this.catalog = catalog;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    @Override
    public Result start(Command command) {
        Stored stored = payments.store(command);
        Payment payment = stored.payment();
        requirePayable(payment);
        String replaced = payment.checkoutSessionId();
        if (replaced != null) {
            CheckoutSession current = checkout.retrieveSession(replaced);
            switch (current.state()) {
                case OPEN -> {
                    return new Result(payment, current.url(), stored.replayed());
                }
                case COMPLETE -> throw new CheckoutUnavailableException("payment " + payment.id()
                        + " has been paid in its checkout session");
                case EXPIRED -> {
                    // a new session for the same payment, below
                }
            }
        } else if (payment.gatewayReference() != null) {
            throw new CheckoutUnavailableException("payment " + payment.id()
                    + " is paid on the embedded form; its Idempotency-Key cannot open a hosted checkout");
        }
        String page = publicUrl + "/payment/" + payment.id().value();
        String itemName = catalog.serviceTypes().get(payment.serviceType());
        CheckoutSession session = checkout.createSession(payment, itemName, page + "?session_id={CHECKOUT_SESSION_ID}",
                page + "?canceled=1", clock.instant().plus(SESSION_LIFETIME),
                "checkout-session-" + payment.id() + (replaced == null ? "" : "-after-" + replaced));
        Payment withSession = transactions.retryingStale(() -> {
            Payment current = transactions.load(payment.id().value());
            current.attachCheckoutSession(session.id(), clock.instant());
            transactions.update(current);
            return current;
        });
        return new Result(withSession, session.url(), stored.replayed());
    }

    private static void requirePayable(Payment payment) {
        String refusal = switch (payment.status()) {
            case PENDING, REQUIRES_ACTION, FAILED -> null;
            case PROCESSING -> "is being paid";
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> "has already been paid";
            case CANCELED -> "was canceled; start a new payment";
        };
        if (refusal != null) {
            throw new CheckoutUnavailableException("payment " + payment.id() + " " + refusal);
        }
    }
}
