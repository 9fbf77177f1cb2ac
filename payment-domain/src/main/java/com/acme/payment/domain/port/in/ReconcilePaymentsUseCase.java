package com.acme.payment.domain.port.in;

/** Heals payments whose webhooks never came, cancels the abandoned ones, and settles refunds whose answer was lost. */
public interface ReconcilePaymentsUseCase {

    Report reconcile();

    /** @param refundsSettled pending refunds the gateway's answer settled: made, failed or never made */
    record Report(int checked, int updated, int abandoned, int failed, int refundsSettled) {
    }
}
