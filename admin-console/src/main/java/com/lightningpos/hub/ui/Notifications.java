package com.lightningpos.hub.ui;

import com.lightningpos.hub.api.ProblemException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.security.access.AccessDeniedException;

/** Feedback after an action: success, or the problem in words a person can act on. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a service call from a click handler; problems the service reports become an error
     * notification and {@code false}, anything else propagates to Vaadin's error handling.
     */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ProblemException e) {
            boolean listed = e.errors().isEmpty() || e.getMessage().contains(e.errors().get(0));
            error(listed ? e.getMessage() : e.getMessage() + ": " + String.join("; ", e.errors()));
            return false;
        } catch (AccessDeniedException e) {
            error("Your role may not do this");
            return false;
        }
    }
}
