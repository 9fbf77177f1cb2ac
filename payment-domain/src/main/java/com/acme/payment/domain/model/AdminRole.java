package com.acme.payment.domain.model;

import java.util.Locale;

/** What a console or API user may do; each role includes the ones before it. */
public enum AdminRole {
    /** Reads payments and statistics. */
    VIEWER,
    /** Also refunds, cancels, answers disputes, replays events. */
    OPERATOR,
    /** Also manages users. */
    ADMIN;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AdminRole fromApiName(String name) {
        for (AdminRole role : values()) {
            if (role.apiName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("not a role: " + name);
    }
}
