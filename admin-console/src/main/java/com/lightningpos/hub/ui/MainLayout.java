package com.lightningpos.hub.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The console frame: navigation to every view the user's role may open, and logout. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth, AccessAnnotationChecker access) {
        H2 title = new H2("Lightning POS Sync");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(auth.getPrincipalName().orElse(""));
        Button logout = new Button("Log out", e -> auth.logout());
        logout.setId("logout");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        addToDrawer(navigation(access));
    }

    private SideNav navigation(AccessAnnotationChecker access) {
        SideNav nav = new SideNav();
        for (NavEntry entry : NavEntry.values()) {
            if (access.hasAccess(entry.view())) {
                nav.addItem(new SideNavItem(entry.label(), entry.view()));
            }
        }
        return nav;
    }
}
