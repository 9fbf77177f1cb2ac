package com.acme.payment.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database up to the current schema outside Spring Boot (tests, tools). Already applied changes are skipped. */
public final class LiquibaseMigrator {

    private LiquibaseMigrator() {
    }

    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(LiquibaseMigrator.class.getClassLoader())), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, PostgresSchema.CHANGELOG)
                            .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to migrate the schema", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate the schema with " + PostgresSchema.CHANGELOG, e);
        }
    }
}
