package com.acme.payment.domain.query;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.StatusChange;
import java.util.List;

/** A payment with its audit trail, refunds and disputes, for admins. */
public record PaymentDetails(Payment payment, List<StatusChange> history, List<Refund> refunds,
                             List<Dispute> disputes) {

    public PaymentDetails {
        history = List.copyOf(history);
        refunds = List.copyOf(refunds);
        disputes = List.copyOf(disputes);
    }
}
