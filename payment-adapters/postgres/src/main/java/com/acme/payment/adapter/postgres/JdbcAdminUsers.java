package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.AdminRole;
import com.acme.payment.domain.model.AdminUser;
import com.acme.payment.domain.port.out.AdminUsers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code admin_users}; a unique index on {@code lower(username)} keeps names apart whatever their case. */
public class JdbcAdminUsers implements AdminUsers {

    private static final String SELECT = "SELECT username, password_hash, role, enabled, created_at, updated_at"
            + " FROM admin_users";

    private final JdbcClient jdbc;

    public JdbcAdminUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AdminUser> find(String username) {
        return jdbc.sql(SELECT + " WHERE lower(username) = lower(:username)")
                .param("username", username)
                .query(JdbcAdminUsers::read)
                .optional();
    }

    @Override
    public List<AdminUser> list() {
        return jdbc.sql(SELECT + " ORDER BY created_at, username").query(JdbcAdminUsers::read).list();
    }

    @Override
    public boolean insertIfAbsent(AdminUser user) {
        return jdbc.sql("""
                        INSERT INTO admin_users (username, password_hash, role, enabled, created_at, updated_at)
                        VALUES (:username, :passwordHash, :role, :enabled, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .param("username", user.username())
                .param("passwordHash", user.passwordHash())
                .param("role", user.role().apiName())
                .param("enabled", user.enabled())
                .param("createdAt", ColumnValues.timestamp(user.createdAt()))
                .param("updatedAt", ColumnValues.timestamp(user.updatedAt()))
                .update() == 1;
    }

    @Override
    public void update(AdminUser user) {
        jdbc.sql("""
                        UPDATE admin_users
                           SET password_hash = :passwordHash, role = :role, enabled = :enabled, updated_at = :updatedAt
                         WHERE username = :username
                        """)
                .param("username", user.username())
                .param("passwordHash", user.passwordHash())
                .param("role", user.role().apiName())
                .param("enabled", user.enabled())
                .param("updatedAt", ColumnValues.timestamp(user.updatedAt()))
                .update();
    }

    private static AdminUser read(ResultSet row, int rowNumber) throws SQLException {
        return new AdminUser(row.getString("username"), row.getString("password_hash"),
                AdminRole.fromApiName(row.getString("role")), row.getBoolean("enabled"),
                ColumnValues.instant(row, "created_at"), ColumnValues.instant(row, "updated_at"));
    }
}
