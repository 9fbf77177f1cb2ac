package com.acme.payment.app.metrics;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts payments created and status changes by status, once their transaction has committed. */
public class MeteredPaymentRepository implements PaymentRepository {

    private final PaymentRepository delegate;
    private final MeterRegistry meters;
    private final Counter created;

    public MeteredPaymentRepository(PaymentRepository delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
        this.created = Counter.builder("payments.started").description("Payments started").register(meters);
    }

    @Override
    public void insert(Payment payment) {
        List<StatusChange> changes = payment.unsavedChanges();
        delegate.insert(payment);
        afterCommit(() -> {
            created.increment();
            countChanges(changes);
        });
    }

    @Override
    public void update(Payment payment) {
        List<StatusChange> changes = payment.unsavedChanges();
        delegate.update(payment);
        afterCommit(() -> countChanges(changes));
    }

    private void countChanges(List<StatusChange> changes) {
        changes.stream().filter(StatusChange::applied).filter(change -> change.from() != change.to())
                .forEach(change -> meters.counter("payment.status.changes", "status", change.to().apiName(),
                        "source", change.source().name().toLowerCase()).increment());
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<PaymentStatusView> findStatus(PaymentId id) {
        return delegate.findStatus(id);
    }

    @Override
    public Optional<Payment> findByGatewayReference(String gatewayReference) {
        return delegate.findByGatewayReference(gatewayReference);
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(String idempotencyKey) {
        return delegate.findByIdempotencyKey(idempotencyKey);
    }

    @Override
    public List<StatusChange> findHistory(PaymentId id) {
        return delegate.findHistory(id);
    }

    @Override
    public boolean recordGatewayEvent(String eventId, String eventType, Instant receivedAt) {
        return delegate.recordGatewayEvent(eventId, eventType, receivedAt);
    }

    @Override
    public void insertRefund(Refund refund) {
        delegate.insertRefund(refund);
    }

    @Override
    public void updateRefund(Refund refund) {
        delegate.updateRefund(refund);
    }

    @Override
    public Optional<Refund> findRefundByIdempotencyKey(PaymentId paymentId, String idempotencyKey) {
        return delegate.findRefundByIdempotencyKey(paymentId, idempotencyKey);
    }

    @Override
    public List<Refund> findRefunds(PaymentId id) {
        return delegate.findRefunds(id);
    }

    @Override
    public List<Payment> findUnresolved(Instant updatedBefore, int limit) {
        return delegate.findUnresolved(updatedBefore, limit);
    }

    @Override
    public PaymentPage search(PaymentSearch search) {
        return delegate.search(search);
    }

    @Override
    public PaymentStatistics statistics(Instant from, Instant to) {
        return delegate.statistics(from, to);
    }
}
