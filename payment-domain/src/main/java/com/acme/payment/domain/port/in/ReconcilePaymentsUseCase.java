package com.acme.payment.domain.port.in;

/** Heals payments whose webhooks never came, and cancels the abandoned ones. */
public interface ReconcilePaymentsUseCase {

    Report reconcile();

    record Report(int checked, int updated, int abandoned, int failed) {
    }
}
