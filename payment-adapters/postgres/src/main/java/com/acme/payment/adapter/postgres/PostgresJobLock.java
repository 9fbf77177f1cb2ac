package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.port.out.JobLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes a scheduled job run on one app instance at a time, with a PostgreSQL session advisory lock. The lock
 * lives on a connection of its own, held while the job runs (the job uses other connections), so the pool needs
 * one connection more than the jobs use. If the instance dies, PostgreSQL releases the lock with the session.
 */
public class PostgresJobLock implements JobLock {

    private final DataSource dataSource;

    public PostgresJobLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean runExclusively(String jobName, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", jobName)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(hashtext(?))", jobName);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take or release the lock for job " + jobName, e);
        }
    }

    private static boolean call(Connection connection, String sql, String jobName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
