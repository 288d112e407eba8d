package com.lightningpos.hub.users.ui;

import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.lightningpos.hub.users.ConsoleUser;
import com.lightningpos.hub.users.UserAdminService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Console accounts: head office adds people, e.g. support staff. */
@Route("users")
@PageTitle("Users · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class UsersView extends VerticalLayout {

    private final UserAdminService users;
    private final Grid<ConsoleUser> grid = new Grid<>();

    public UsersView(UserAdminService users) {
        this.users = users;
        TextField username = new TextField("Username");
        username.setId("user-name");
        PasswordField password = new PasswordField("Password");
        password.setId("user-password");
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.SUPPORT);
        Button create = new Button("Add user", e -> {
            if (Notifications.attempt(() -> users.create(username.getValue(), password.getValue(), role.getValue().name()))) {
                Notifications.success("User " + username.getValue() + " added");
                username.clear();
                password.clear();
                refresh();
            }
        });
        create.setId("add-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, create);
        form.setAlignItems(Alignment.BASELINE);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ConsoleUser::username).setHeader("Username");
        grid.addColumn(ConsoleUser::role).setHeader("Role");
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled");
        grid.addColumn(u -> Formats.time(u.createdAt())).setHeader("Created");
        add(new H3("Console users"), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
