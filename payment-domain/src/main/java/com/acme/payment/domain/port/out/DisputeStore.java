package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.query.DisputePage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The disputes on our payments. Writes run in the caller's transaction. */
public interface DisputeStore {

    Optional<Dispute> findDispute(String disputeId);

    /** Inserts a new dispute or replaces the stored one. */
    void saveDispute(Dispute dispute);

    /** Oldest first. */
    List<Dispute> disputesOf(PaymentId paymentId);

    /** @param status null for every status */
    DisputePage listDisputes(DisputeStatus status, int page, int size);

    /** Disputes that still need a response, are due in ({@code now}, {@code dueBefore}] and had no reminder. */
    List<Dispute> awaitingReminder(Instant now, Instant dueBefore, int limit);
}
