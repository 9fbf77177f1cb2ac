package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.query.DailyStatistics;
import com.acme.payment.domain.query.PaymentDetails;
import com.acme.payment.domain.query.PaymentFilter;
import com.acme.payment.domain.query.PaymentPage;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.query.PaymentStatistics;
import com.acme.payment.domain.query.PaymentStatusView;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side: what customers poll and admins look at. Changes nothing. */
public interface PaymentQueries {

    /** The polled view of one payment; the hottest read, so it skips rebuilding the aggregate. */
    Optional<PaymentStatusView> findStatus(PaymentId id);

    /** The payment with its audit trail (oldest first) and its refunds (oldest first). */
    Optional<PaymentDetails> findDetails(PaymentId id);

    PaymentPage search(PaymentSearch search);

    /** The pending refunds of these payments asked for before {@code createdBefore}, oldest first. */
    List<Refund> findPendingRefunds(Collection<PaymentId> paymentIds, Instant createdBefore);

    /** Counts by status and money per currency for payments created in the range (either end may be null). */
    PaymentStatistics statistics(Instant from, Instant to);

    /** Per UTC day and currency, and the top decline reasons, for payments created in the range (ends may be null). */
    DailyStatistics dailyStatistics(Instant from, Instant to);

    /**
     * Every payment the filter selects, in its order, handed over as it is read: memory stays the same whatever the
     * count. Inside a transaction, so the database can send rows in batches.
     */
    void forEach(PaymentFilter filter, Consumer<Payment> each);
}
