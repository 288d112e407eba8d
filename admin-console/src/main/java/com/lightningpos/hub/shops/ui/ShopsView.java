package com.lightningpos.hub.shops.ui;

import com.lightningpos.hub.dashboard.ui.ShopDetailView;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.EnrolmentCode;
import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.lightningpos.hub.ui.StatusBadges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import java.util.function.Function;

/**
 * Shops: search, provisioning and the credential life cycle. Support staff see the list; the
 * buttons that change shops are shown to head office only (and the service checks the role too).
 */
@Route("shops")
@PageTitle("Shops · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class ShopsView extends VerticalLayout {

    private final ShopService shops;
    private final boolean headOffice;
    private final Grid<ShopOverview> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span total = new Span();

    public ShopsView(ShopService shops, AuthenticationContext auth) {
        this.shops = shops;
        this.headOffice = auth.hasRole(Role.HEAD_OFFICE_NAME);
        setSizeFull();

        search.setId("shop-search");
        search.setPlaceholder("Name starts with… or shop id");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button provision = new Button("Provision shop", VaadinIcon.PLUS.create(),
                e -> new ProvisionDialog(shops, this::refresh).open());
        provision.setId("provision-button");
        provision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        provision.setVisible(headOffice);
        HorizontalLayout toolbar = new HorizontalLayout(new H3("Shops"), search, total, provision);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.expand(total);

        configureGrid();
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("shops-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addComponentColumn(this::nameLink).setHeader("Shop").setFlexGrow(2).setKey("name");
        grid.addComponentColumn(s -> StatusBadges.of(s.status())).setHeader("Status").setAutoWidth(true).setKey("status");
        grid.addColumn(s -> (s.schemaVersion() == null ? "?" : s.schemaVersion()) + " (needs " + s.requiredSchemaVersion() + ")")
                .setHeader("Schema").setAutoWidth(true).setKey("schema");
        grid.addColumn(s -> s.canary() ? "canary" : "").setHeader("Canary").setAutoWidth(true);
        grid.addColumn(s -> s.enrolled() ? "yes" : "no").setHeader("Enrolled").setAutoWidth(true).setKey("enrolled");
        grid.addColumn(s -> Formats.ago(s.lastSyncAt())).setHeader("Last sync").setAutoWidth(true);
        grid.addColumn(s -> Formats.count(s.pending())).setHeader("Rows waiting").setAutoWidth(true);
        grid.addColumn(s -> Formats.seconds(s.lagSeconds())).setHeader("Lag").setAutoWidth(true);
        if (headOffice) {
            grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setKey("actions");
        }
        grid.setItems(query -> shops.page(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> shops.count(search.getValue()));
    }

    private Component nameLink(ShopOverview shop) {
        Button link = new Button(shop.name(), e -> getUI().ifPresent(ui -> ui.navigate(ShopDetailView.class,
                new RouteParameters("shopId", shop.id().toString()))));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }

    private Component actions(ShopOverview shop) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.add(action(shop.active() ? "Deactivate" : "Reactivate", shop.active() ? "deactivate" : "reactivate",
                shop.id(), id -> shop.active() ? shops.deactivate(id) : shops.reactivate(id)));
        actions.add(action(shop.canary() ? "Not canary" : "Make canary", "canary", shop.id(),
                id -> shops.setCanary(id, !shop.canary())));
        Button rotate = new Button("Rotate credentials", e -> {
            EnrolmentCode[] code = new EnrolmentCode[1];
            if (Notifications.attempt(() -> code[0] = shops.rotateCredentials(shop.id()))) {
                ProvisionDialog.show(code[0], "New enrolment code for " + shop.name());
                refresh();
            }
        });
        rotate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rotate.getElement().setAttribute("data-action", "rotate");
        actions.add(rotate);
        return actions;
    }

    private Button action(String label, String name, UUID shopId, Function<UUID, ShopOverview> call) {
        Button button = new Button(label, e -> {
            if (Notifications.attempt(() -> call.apply(shopId))) {
                refresh();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("data-action", name);
        return button;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(shops.count(search.getValue()) + " shops");
    }
}
