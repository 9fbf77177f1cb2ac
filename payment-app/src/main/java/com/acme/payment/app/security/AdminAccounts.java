package com.acme.payment.app.security;

import com.acme.payment.domain.model.AdminRole;
import com.acme.payment.domain.model.AdminUser;
import com.acme.payment.domain.port.out.AdminUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The console's and the admin API's users: sign-in reads them here, the users endpoints change them. Passwords are
 * hashed at once and never kept or logged; a disabled user, or one whose role or password an admin changed, loses
 * their console sessions.
 */
public class AdminAccounts implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads no further; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final AdminUsers users;
    private final PasswordEncoder passwordEncoder;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final Clock clock;

    public AdminAccounts(AdminUsers users, PasswordEncoder passwordEncoder,
                         FindByIndexNameSessionRepository<?> sessions, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AdminUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username()).password(user.passwordHash()).roles(user.role().name())
                .disabled(!user.enabled()).build();
    }

    public List<AdminUser> list() {
        return users.list();
    }

    public Optional<AdminUser> find(String username) {
        return users.find(username);
    }

    /** @return false when a user of that name exists already (then nothing changes) */
    public boolean create(String username, String password, AdminRole role) {
        requireStrong("password", password);
        return insert(username, password, role);
    }

    /** An admin's change to any user; null leaves a field as it is. Ends the user's sessions. */
    public AdminUser change(AdminUser user, AdminRole role, Boolean enabled, String password) {
        if (password != null) {
            requireStrong("password", password);
        }
        AdminUser changed = new AdminUser(user.username(),
                password == null ? user.passwordHash() : passwordEncoder.encode(password),
                role == null ? user.role() : role, enabled == null ? user.enabled() : enabled, user.createdAt(),
                clock.instant());
        users.update(changed);
        endSessions(user.username(), null);
        return changed;
    }

    /** A user changes their own password, proving the current one; their other sessions end. */
    public AdminUser changeOwnPassword(AdminUser user, String currentPassword, String password, String keepSessionId) {
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidAccountField("currentPassword", "does not match your current password");
        }
        requireStrong("password", password);
        AdminUser changed = new AdminUser(user.username(), passwordEncoder.encode(password), user.role(),
                user.enabled(), user.createdAt(), clock.instant());
        users.update(changed);
        endSessions(user.username(), keepSessionId);
        return changed;
    }

    /**
     * The configured admin, created with role admin when no user has that name; the configured password counts only
     * then (a later change of the variable changes nothing: change it in the console). Taken as configured, even
     * when short: the operator chose it.
     *
     * @return true when the user was created now
     */
    boolean createConfiguredAdmin(String username, String password) {
        return users.find(username).isEmpty() && insert(username, password, AdminRole.ADMIN);
    }

    private boolean insert(String username, String password, AdminRole role) {
        Instant now = clock.instant();
        return users.insertIfAbsent(new AdminUser(username, passwordEncoder.encode(password), role, true, now, now));
    }

    private void endSessions(String username, String keepSessionId) {
        sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }

    private static void requireStrong(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidAccountField(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidAccountField(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }

    /** A field of a users request that cannot be accepted; answered as 400 naming the field. */
    public static final class InvalidAccountField extends RuntimeException {

        private final String field;

        InvalidAccountField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
