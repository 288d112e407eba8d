package com.lightningpos.hub.quarantine.ui;

import com.lightningpos.hub.quarantine.QuarantineProvider;
import com.lightningpos.hub.quarantine.QuarantineService;
import com.lightningpos.hub.quarantine.QuarantinedRow;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopName;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rows shops sent that the hub could not apply: retry after a fix, or discard with a reason. */
@Route("quarantine")
@PageTitle("Quarantine · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class QuarantineView extends VerticalLayout {

    private final QuarantineService quarantine;
    private final Grid<QuarantinedRow> grid = new Grid<>();
    private final ComboBox<ShopName> shop = new ComboBox<>("Shop");
    private final Pre payload = new Pre();
    private final TextField reason = new TextField();

    public QuarantineView(QuarantineService quarantine, ShopService shops) {
        this.quarantine = quarantine;
        setSizeFull();
        add(new H3("Quarantine"));
        if (!quarantine.isAvailable()) {
            Paragraph unavailable = new Paragraph("The quarantine is not available in this hub: the sync service that "
                    + "keeps the shops' replicas does not provide it.");
            unavailable.setId("quarantine-not-available");
            add(unavailable);
            return;
        }
        Map<UUID, String> names = shops.names().stream().collect(Collectors.toMap(ShopName::id, ShopName::name));
        shop.setId("quarantine-shop");
        shop.setItems(shops.names());
        shop.setItemLabelGenerator(ShopName::name);
        shop.setClearButtonVisible(true);
        shop.addValueChangeListener(e -> refresh());

        grid.setId("quarantine-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(r -> Formats.time(r.quarantinedAt() == null ? null : r.quarantinedAt().atOffset(ZoneOffset.UTC)))
                .setHeader("Since").setAutoWidth(true);
        grid.addColumn(r -> names.getOrDefault(r.shopId(), String.valueOf(r.shopId()))).setHeader("Shop").setAutoWidth(true);
        grid.addColumn(r -> r.table() + " " + r.op()).setHeader("Row").setAutoWidth(true);
        grid.addColumn(QuarantinedRow::recordId).setHeader("Record").setAutoWidth(true);
        grid.addColumn(QuarantinedRow::reason).setHeader("Reason").setFlexGrow(3);
        grid.addColumn(QuarantinedRow::attempts).setHeader("Tries").setAutoWidth(true);
        grid.setItems(q -> quarantine.open(shopId(), q.getOffset(), q.getLimit()).stream(), q -> quarantine.countOpen(shopId()));
        grid.asSingleSelect().addValueChangeListener(e -> payload.setText(e.getValue() == null ? "" : e.getValue().payload()));

        reason.setId("discard-reason");
        reason.setPlaceholder("Reason for discarding");
        Button retry = new Button("Retry", e -> selected().ifPresent(row -> {
            QuarantineProvider.RetryOutcome[] outcome = new QuarantineProvider.RetryOutcome[1];
            if (Notifications.attempt(() -> outcome[0] = quarantine.retry(row.id()))) {
                if (outcome[0].applied()) {
                    Notifications.success("Applied");
                } else {
                    Notifications.error("Still not applicable: " + outcome[0].reason());
                }
                refresh();
            }
        }));
        retry.setId("quarantine-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button("Discard", e -> selected().ifPresent(row -> {
            if (Notifications.attempt(() -> quarantine.discard(row.id(), reason.getValue()))) {
                Notifications.success("Discarded");
                reason.clear();
                refresh();
            }
        }));
        discard.setId("quarantine-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        payload.getStyle().set("white-space", "pre-wrap").set("max-height", "12rem").set("overflow", "auto");
        HorizontalLayout actions = new HorizontalLayout(retry, reason, discard);
        actions.setAlignItems(Alignment.BASELINE);
        add(shop, grid, actions, payload);
    }

    private UUID shopId() {
        return shop.getValue() == null ? null : shop.getValue().id();
    }

    private java.util.Optional<QuarantinedRow> selected() {
        java.util.Optional<QuarantinedRow> row = grid.asSingleSelect().getOptionalValue();
        if (row.isEmpty()) {
            Notifications.error("Select a row first");
        }
        return row;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        payload.setText("");
    }
}
