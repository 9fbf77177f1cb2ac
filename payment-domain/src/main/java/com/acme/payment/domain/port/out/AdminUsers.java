package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.AdminUser;
import java.util.List;
import java.util.Optional;

/** The console's and the admin API's users; usernames are compared case-insensitively. */
public interface AdminUsers {

    Optional<AdminUser> find(String username);

    /** Oldest first. */
    List<AdminUser> list();

    /** @return false, changing nothing, when a user of that name (in any case) exists */
    boolean insertIfAbsent(AdminUser user);

    /** Stores the user's hash, role and enabled flag. */
    void update(AdminUser user);
}
