package com.acme.payment.adapter.postgres;

/** Where the schema lives; the app's Liquibase integration and {@link LiquibaseMigrator} use the same changelog. */
public final class PostgresSchema {

    /** Classpath location of the master changelog. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private PostgresSchema() {
    }
}
