package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.PaymentId;
import java.time.Duration;

/**
 * Payments somebody is watching live, shared by every instance: {@link PaymentEvents} may announce only their
 * changes.
 */
public interface PaymentWatches {

    /**
     * From now on, and for at least {@code period}, the payment's changes are announced. Returns once every change
     * stored without seeing this watch has committed, so a read after this sees them.
     */
    void watch(PaymentId id, Duration period);

    /**
     * From now on, and for at least {@code period}, the changes of every payment are announced. Changes stored
     * while this call runs may not be: the watcher re-reads what it shows once this has returned.
     */
    void watchAll(Duration period);

    /** Forgets watches whose period is over; returns how many. */
    int forgetExpired();
}
