package com.lightningpos.hub.users;

import static com.lightningpos.db.hub.Tables.CONSOLE_USERS;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Head office creates console accounts (e.g. for support staff). */
@Service
public class UserAdminService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    static final int MIN_PASSWORD = 8;

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public UserAdminService(DSLContext db, PasswordEncoder encoder, AuditLog audit) {
        this.db = db;
        this.encoder = encoder;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public List<ConsoleUser> list() {
        return db.selectFrom(CONSOLE_USERS).orderBy(CONSOLE_USERS.USERNAME)
                .fetch(r -> new ConsoleUser(r.getUsername(), r.getRole(), r.getEnabled(), r.getCreatedAt()));
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public ConsoleUser create(String username, String password, String role) {
        List<String> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add("username: 2-64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add("password: at least " + MIN_PASSWORD + " characters");
        }
        Role parsed = null;
        try {
            parsed = Role.valueOf(role == null ? "" : role.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add("role: HEAD_OFFICE or SUPPORT");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The user is not valid", errors);
        }
        Role chosen = parsed;
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(CONSOLE_USERS, CONSOLE_USERS.USERNAME.eq(username))) {
                throw ProblemException.conflict("duplicate_username", "User " + username + " exists already");
            }
            // a concurrent create of the same name fails on the primary key and rolls back
            tx.insertInto(CONSOLE_USERS)
                    .set(CONSOLE_USERS.USERNAME, username)
                    .set(CONSOLE_USERS.PASSWORD_HASH, encoder.encode(password))
                    .set(CONSOLE_USERS.ROLE, chosen.name())
                    .execute();
            audit.record(tx, "user.create", username, "role " + chosen);
        });
        return db.selectFrom(CONSOLE_USERS).where(CONSOLE_USERS.USERNAME.eq(username))
                .fetchSingle(r -> new ConsoleUser(r.getUsername(), r.getRole(), r.getEnabled(), r.getCreatedAt()));
    }
}
