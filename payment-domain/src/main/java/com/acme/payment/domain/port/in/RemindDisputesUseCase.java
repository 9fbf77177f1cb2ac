package com.acme.payment.domain.port.in;

public interface RemindDisputesUseCase {

    /** Queues the evidence-deadline reminders now due; returns how many. */
    int remindDue();
}
