package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeClosedException;
import com.acme.payment.domain.model.DisputeNotFoundException;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.AnswerDisputeUseCase;
import com.acme.payment.domain.port.in.ListDisputesUseCase;
import com.acme.payment.domain.port.in.RemindDisputesUseCase;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import com.acme.payment.domain.query.DisputePage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The merchant's side of disputes: listing them, answering them at the gateway, and reminding the merchant before
 * the evidence deadline. The gateway is called outside any transaction; what it answers is then stored like an
 * event, so a gateway failure leaves everything as it was and a retry with the same key is safe.
 */
public class DisputeService implements ListDisputesUseCase, AnswerDisputeUseCase, RemindDisputesUseCase {

    static final int REMINDER_BATCH = 100;

    private final DisputeStore store;
    private final DisputeGateway gateway;
    private final PaymentRepository repository;
    private final PaymentTransactions transactions;
    private final DisputeChanges changes;
    private final PaymentNotifier notifier;
    private final Clock clock;
    private final Duration remindBefore;

    /** @param remindBefore how long before the evidence deadline the merchant is reminded */
    public DisputeService(DisputeStore store, DisputeGateway gateway, PaymentRepository repository,
                          TransactionRunner transactions, PaymentEvents events, PaymentNotifier notifier, Clock clock,
                          Duration remindBefore) {
        this.store = store;
        this.gateway = gateway;
        this.repository = repository;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.changes = new DisputeChanges(store, notifier, clock);
        this.notifier = notifier;
        this.clock = clock;
        this.remindBefore = remindBefore;
    }

    @Override
    public DisputePage list(DisputeStatus status, int page, int size) {
        return store.listDisputes(status, page, size);
    }

    @Override
    public Dispute submitEvidence(EvidenceCommand command) {
        Dispute dispute = open(command.disputeId());
        GatewayDispute reported = gateway.updateEvidence(dispute.disputeId(), command.evidence(), command.submit(),
                command.idempotencyKey());
        String action = (command.submit() ? "evidence submitted by " : "evidence saved by ") + command.admin();
        return store(dispute, reported, action,
                stored -> command.submit() ? stored.withEvidenceSubmittedBy(command.admin()) : stored);
    }

    @Override
    public Dispute close(CloseCommand command) {
        Dispute dispute = open(command.disputeId());
        GatewayDispute reported = gateway.close(dispute.disputeId(), command.idempotencyKey());
        return store(dispute, reported, "loss accepted by " + command.admin(),
                stored -> stored.withClosedBy(command.admin()));
    }

    @Override
    public int remindDue() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Dispute due : store.awaitingReminder(now, now.plus(remindBefore), REMINDER_BATCH)) {
            boolean queued = transactions.once(() -> {
                Dispute current = store.findDispute(due.disputeId()).orElseThrow();
                if (current.reminderSent() || !current.status().needsResponse()) {
                    return false;
                }
                Dispute marked = current.withReminderSent(now);
                store.saveDispute(marked);
                notifier.disputeReminder(payment(marked), marked);
                return true;
            });
            reminded += queued ? 1 : 0;
        }
        return reminded;
    }

    private Dispute open(String disputeId) {
        Dispute dispute = store.findDispute(disputeId).orElseThrow(() -> new DisputeNotFoundException(disputeId));
        if (dispute.status().isFinal()) {
            throw new DisputeClosedException(disputeId, dispute.status());
        }
        return dispute;
    }

    private Dispute store(Dispute dispute, GatewayDispute reported, String action, UnaryOperator<Dispute> mark) {
        return transactions.retryingStale(() -> {
            Payment payment = payment(dispute);
            Dispute stored = changes.store(payment, changes.merge(reported, clock.instant(), payment.id(), mark, true),
                    ChangeSource.ADMIN, null, action).dispute();
            transactions.update(payment);
            return stored;
        });
    }

    private Payment payment(Dispute dispute) {
        return repository.findById(dispute.paymentId())
                .orElseThrow(() -> new IllegalStateException("dispute " + dispute.disputeId() + " has no payment"));
    }
}
