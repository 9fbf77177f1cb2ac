package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.port.out.DisputeGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Disputes as Stripe's test mode makes them: card 0259 is disputed as fraudulent right after it succeeds, and
 * submitted evidence containing {@code winning_evidence} wins, {@code losing_evidence} loses. Each change is told
 * through the same signed events as Stripe's.
 */
final class SandboxDisputes implements DisputeGateway {

    /** Stripe gives the merchant about a week to answer a card dispute. */
    static final Duration EVIDENCE_WINDOW = Duration.ofDays(7);

    private final Map<String, Dispute> disputes = new ConcurrentHashMap<>();
    private final Map<String, GatewayDispute> answers = new ConcurrentHashMap<>();
    private final SandboxWebhookSender webhooks;
    private final Duration webhookDelay;
    private final Clock clock;

    SandboxDisputes(SandboxWebhookSender webhooks, Duration webhookDelay, Clock clock) {
        this.webhooks = webhooks;
        this.webhookDelay = webhookDelay;
        this.clock = clock;
    }

    /** The customer's bank disputes the intent's charge: the amount is withdrawn at once. */
    void open(SandboxIntent intent) {
        Instant now = clock.instant();
        Dispute dispute = new Dispute(SandboxIds.next("dp_sandbox_"), intent, now, now.plus(EVIDENCE_WINDOW));
        disputes.put(dispute.id, dispute);
        synchronized (dispute) {
            publish("charge.dispute.created", dispute);
            dispute.withdrawn = true;
            publish("charge.dispute.funds_withdrawn", dispute);
        }
    }

    @Override
    public GatewayDispute updateEvidence(String disputeId, DisputeEvidence evidence, boolean submit,
                                         String idempotencyKey) {
        return once("evidence", idempotencyKey, () -> {
            Dispute dispute = find(disputeId);
            synchronized (dispute) {
                requireOpen(dispute);
                if (!submit) {
                    return dispute.toGateway();
                }
                String text = Stream.of(evidence.productDescription(), evidence.customerCommunication(),
                        evidence.uncategorizedText()).filter(part -> part != null).reduce("", String::concat);
                if (text.contains("winning_evidence")) {
                    dispute.status = DisputeStatus.WON;
                    publish("charge.dispute.closed", dispute);
                    dispute.reinstated = true;
                    publish("charge.dispute.funds_reinstated", dispute);
                } else if (text.contains("losing_evidence")) {
                    dispute.status = DisputeStatus.LOST;
                    publish("charge.dispute.closed", dispute);
                } else {
                    dispute.status = DisputeStatus.UNDER_REVIEW;
                    publish("charge.dispute.updated", dispute);
                }
                return dispute.toGateway();
            }
        });
    }

    @Override
    public GatewayDispute close(String disputeId, String idempotencyKey) {
        return once("close", idempotencyKey, () -> {
            Dispute dispute = find(disputeId);
            synchronized (dispute) {
                requireOpen(dispute);
                dispute.status = DisputeStatus.LOST;
                publish("charge.dispute.closed", dispute);
                return dispute.toGateway();
            }
        });
    }

    /** Like Stripe, a repeated idempotency key gets the first answer and does nothing again. */
    private GatewayDispute once(String action, String idempotencyKey, Supplier<GatewayDispute> call) {
        return idempotencyKey == null ? call.get() : answers.computeIfAbsent(action + " " + idempotencyKey,
                ignored -> call.get());
    }

    private Dispute find(String disputeId) {
        Dispute dispute = disputes.get(disputeId);
        if (dispute == null) {
            throw SandboxIntent.invalidRequest("No such dispute: '" + disputeId + "'");
        }
        return dispute;
    }

    private static void requireOpen(Dispute dispute) {
        if (dispute.status.isFinal()) {
            throw SandboxIntent.invalidRequest("This dispute is already closed");
        }
    }

    private void publish(String type, Dispute dispute) {
        webhooks.publish(type, StripeObjects.dispute(dispute.id, dispute.intent, dispute.status.apiName(),
                dispute.created, dispute.dueBy, dispute.withdrawn, dispute.reinstated), webhookDelay);
    }

    /** One dispute; guarded by its own lock. */
    private static final class Dispute {
        final String id;
        final SandboxIntent intent;
        final Instant created;
        final Instant dueBy;
        DisputeStatus status = DisputeStatus.NEEDS_RESPONSE;
        boolean withdrawn;
        boolean reinstated;

        Dispute(String id, SandboxIntent intent, Instant created, Instant dueBy) {
            this.id = id;
            this.intent = intent;
            this.created = created;
            this.dueBy = dueBy;
        }

        GatewayDispute toGateway() {
            SandboxIntent.Terms terms = intent.terms();
            return new GatewayDispute(id, terms.reference(), terms.amount().minorUnits(), terms.amount().currency(),
                    "fraudulent", status, dueBy, withdrawn, reinstated);
        }
    }
}
