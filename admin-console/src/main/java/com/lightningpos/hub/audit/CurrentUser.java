package com.lightningpos.hub.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The console user on whose behalf the current request (a view event or an admin API call) runs. */
public final class CurrentUser {

    /** Name recorded for work that no person started (start-up tasks, schedulers). */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
            return SYSTEM;
        }
        return auth.getName();
    }
}
