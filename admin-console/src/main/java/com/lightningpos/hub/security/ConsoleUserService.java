package com.lightningpos.hub.security;

import static com.lightningpos.db.hub.Tables.CONSOLE_USERS;

import com.lightningpos.hub.config.HubProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console users live in PostgreSQL with bcrypt hashes. The first HEAD_OFFICE account is created at
 * first start from {@code hub.admin.*}, or with a generated password printed once: there is no
 * fixed default password.
 */
@Service
public class ConsoleUserService implements UserDetailsService, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConsoleUserService.class);

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final HubProperties properties;

    public ConsoleUserService(DSLContext db, PasswordEncoder encoder, HubProperties properties) {
        this.db = db;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = db.selectFrom(CONSOLE_USERS).where(CONSOLE_USERS.USERNAME.eq(username)).fetchOne();
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .roles(user.getRole())
                .disabled(!user.getEnabled())
                .build();
    }

    /** Creates (or replaces the password of) a console user. */
    public void saveUser(String username, String rawPassword, Role role) {
        String hash = encoder.encode(rawPassword);
        db.insertInto(CONSOLE_USERS)
                .set(CONSOLE_USERS.USERNAME, username)
                .set(CONSOLE_USERS.PASSWORD_HASH, hash)
                .set(CONSOLE_USERS.ROLE, role.name())
                .onConflict(CONSOLE_USERS.USERNAME)
                .doUpdate()
                .set(CONSOLE_USERS.PASSWORD_HASH, hash)
                .set(CONSOLE_USERS.ROLE, role.name())
                .execute();
    }

    /**
     * Runs before the web server opens (not on "application ready", which comes after the health
     * endpoint already answers), so no client can see a healthy hub without its first account.
     */
    @Override
    public void afterSingletonsInstantiated() {
        createFirstAdmin();
    }

    public void createFirstAdmin() {
        if (db.fetchCount(CONSOLE_USERS) > 0) {
            return;
        }
        String username = properties.admin().username();
        String password = properties.admin().password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        saveUser(username, password, Role.HEAD_OFFICE);
        if (generated) {
            log.warn("\n\n  First start: created console user '{}' with one-time password: {}\n"
                    + "  Log in and store it safely; it is not shown again.\n", username, password);
        } else {
            log.info("First start: created console user '{}' from hub.admin.* settings", username);
        }
    }
}
