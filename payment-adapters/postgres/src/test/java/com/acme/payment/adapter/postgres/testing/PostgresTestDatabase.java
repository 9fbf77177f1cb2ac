package com.acme.payment.adapter.postgres.testing;

import com.acme.payment.adapter.postgres.LiquibaseMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL per JVM, with the changelog applied, for integration tests of this module and of the
 * app (published in the test-jar). Register with {@code @ExtendWith(PostgresTestDatabase.class)} to get the
 * {@link DataSource} injected, or call the static methods. It uses the library's fast, non-durable settings and
 * is stopped when the JVM exits.
 */
public final class PostgresTestDatabase implements ParameterResolver {

    private static final String USER = "postgres";

    /** Started on first use, so test classes that never touch the database do not pay for it. */
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = startMigrated();
        /** One instance, so that Spring's transaction managers and JdbcClients built on it share connections. */
        static final DataSource DATA_SOURCE = POSTGRES.getPostgresDatabase();

        private static EmbeddedPostgres startMigrated() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                LiquibaseMigrator.migrate(postgres.getPostgresDatabase());
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
            }
        }
    }

    /**
     * The migrated database, always the same instance (a transaction manager and a JdbcClient must share it to
     * share a transaction); unpooled, each connection is a new session.
     */
    public static DataSource dataSource() {
        return Server.DATA_SOURCE;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + Server.POSTGRES.getPort() + "/postgres";
    }

    public static String username() {
        return USER;
    }

    /** Empties every table of the schema (Liquibase's own bookkeeping stays), so a test starts from nothing. */
    public static void deleteAllData() {
        JdbcClient.create(dataSource()).sql("""
                TRUNCATE disputes, notification_outbox, refunds, payment_status_history, processed_gateway_events, payments
                RESTART IDENTITY
                """).update();
    }

    /** A new database on the same server with no tables at all, for migration tests. */
    public static DataSource createEmptyDatabase() {
        String name = "empty_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(dataSource()).sql("CREATE DATABASE " + name).update();
        return Server.POSTGRES.getDatabase(USER, name);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return dataSource();
    }
}
