package com.acme.payment.app.events;

import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.port.out.PaymentEvents;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one seam where stored payment changes are announced: each is held by the transaction that stored it and
 * handed to the listeners after that transaction commits; a rollback drops it.
 */
public class AfterCommitPaymentEvents implements PaymentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitPaymentEvents.class);

    private final Supplier<List<PaymentChangeListener>> listeners;

    public AfterCommitPaymentEvents(Supplier<List<PaymentChangeListener>> listeners) {
        this.listeners = listeners;
    }

    /** @throws IllegalStateException outside a transaction: then nobody could tell when the change is stored */
    @Override
    public void publish(PaymentChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("payment changes are announced from the transaction that stores them");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(change);
            }
        });
    }

    private void deliver(PaymentChanged change) {
        for (PaymentChangeListener listener : listeners.get()) {
            try {
                listener.paymentChanged(change);
            } catch (RuntimeException failure) {
                LOG.error("a listener failed on the change of payment {} to version {}", change.id(), change.version(),
                        failure);
            }
        }
    }
}
