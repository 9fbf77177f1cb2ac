package com.acme.payment.domain.model;

/** Who caused a status change; part of the audit trail. */
public enum ChangeSource {
    API, WEBHOOK, RECONCILER, ADMIN
}
