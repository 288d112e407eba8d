package com.lightningpos.hub.consistency.ui;

import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.hub.consistency.ConsistencyResult;
import com.lightningpos.hub.consistency.ConsistencyService;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopName;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Badge;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;

/**
 * Shops × tables whose shop database, replica and PostgreSQL differ at their latest check, and
 * those that could not be compared (stale or missing shop report, changes still travelling).
 * "Check all now" runs in the background; the view polls for its progress while it runs.
 */
@Route("consistency")
@PageTitle("Consistency · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class ConsistencyView extends VerticalLayout {

    private static final int POLL_MILLIS = 2000;

    private final ConsistencyService consistency;
    private final Grid<ConsistencyResult> grid = new Grid<>();
    private final Grid<ConsistencyResult> notCompared = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph checkAllStatus = new Paragraph();
    private final ComboBox<ShopName> shop = new ComboBox<>();
    private final Button checkAll = new Button("Check all now");
    private Registration pollRegistration;

    public ConsistencyView(ConsistencyService consistency, ShopService shops) {
        this.consistency = consistency;
        setSizeFull();
        add(new H3("Consistency"));
        add(new Paragraph("Per shop and table, the row count and checksum in the shop's database (its last report), "
                + "its replica on the hub and PostgreSQL. Listed: tables that differ, and below, shops where some "
                + "table could not be compared. Everything else was consistent at its latest check."));
        summary.setId("consistency-summary");
        checkAllStatus.setId("consistency-check-all-status");

        checkAll.setId("consistency-check-all");
        checkAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkAll.addClickListener(e -> {
            consistency.startCheckAll();
            refresh();
        });
        shop.setId("consistency-shop");
        shop.setPlaceholder("Shop");
        shop.setItems(shops.names());
        shop.setItemLabelGenerator(ShopName::name);
        shop.setClearButtonVisible(true);
        Button checkShop = new Button("Check shop", e -> {
            if (shop.getValue() == null) {
                Notifications.error("Choose a shop first");
                return;
            }
            ConsistencyComparison[] result = new ConsistencyComparison[1];
            if (Notifications.attempt(() -> result[0] = consistency.checkShop(shop.getValue().id()))) {
                if (result[0].consistent()) {
                    Notifications.success(shop.getValue().name() + ": consistent");
                } else {
                    Notifications.error(shop.getValue().name() + ": " + result[0].differing().size() + " tables differ");
                }
                refresh();
            }
        });
        checkShop.setId("consistency-check-shop");
        HorizontalLayout actions = new HorizontalLayout(checkAll, shop, checkShop);
        actions.setAlignItems(Alignment.BASELINE);

        grid.setId("consistency-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(ConsistencyResult::shopName).setHeader("Shop").setAutoWidth(true).setSortable(true);
        grid.addColumn(ConsistencyResult::table).setHeader("Table").setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(r -> Badge.of("Differs", Badge.Tone.ERROR)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> tier(r.shopRows(), r.shopChecksum())).setHeader("Shop (till)").setAutoWidth(true);
        grid.addColumn(r -> tier(r.replicaRows(), r.replicaChecksum())).setHeader("Replica").setAutoWidth(true);
        grid.addColumn(r -> tier(r.hubRows(), r.hubChecksum())).setHeader("PostgreSQL").setAutoWidth(true);
        grid.addColumn(r -> Formats.time(r.checkedAt() == null ? null : r.checkedAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .setHeader("Checked").setAutoWidth(true);
        grid.addColumn(ConsistencyResult::note).setHeader("Note").setFlexGrow(3);

        notCompared.setId("consistency-not-compared");
        notCompared.addThemeVariants(GridVariant.LUMO_COMPACT);
        notCompared.setHeight("14rem");
        notCompared.addColumn(ConsistencyResult::shopName).setHeader("Shop").setAutoWidth(true).setSortable(true);
        notCompared.addColumn(r -> Formats.time(r.checkedAt() == null ? null : r.checkedAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .setHeader("Checked").setAutoWidth(true);
        notCompared.addColumn(ConsistencyResult::note).setHeader("Not compared because").setFlexGrow(3);

        add(summary, actions, checkAllStatus, grid,
                new H4("Shops not fully compared (stale or missing shop report, changes still travelling)"), notCompared);
        refresh();
    }

    private static String tier(Long rows, String checksum) {
        return rows == null ? "–" : rows + " · " + checksum;
    }

    private void refresh() {
        var differing = consistency.differing();
        long shopsDiffering = differing.stream().map(ConsistencyResult::shopId).distinct().count();
        summary.setText(differing.isEmpty() ? "No table differs at its latest check."
                : differing.size() + " tables differ in " + shopsDiffering + " shops.");
        grid.setItems(differing);
        notCompared.setItems(consistency.notComparedByShop());
        ConsistencyService.CheckAllProgress p = consistency.progress();
        checkAll.setEnabled(!p.running());
        if (p.running()) {
            checkAllStatus.setText("Checking all shops: " + p.shopsDone() + " of " + p.shopsTotal() + " done…");
        } else if (p.error() != null) {
            checkAllStatus.setText("The last check of all shops failed: " + p.error());
        } else if (p.finishedAt() != null) {
            checkAllStatus.setText("Last check of all shops: " + p.shopsDone() + " shops, " + p.shopsDiffering()
                    + " differing, finished " + Formats.time(p.finishedAt().atOffset(ZoneOffset.UTC)) + ".");
        } else {
            checkAllStatus.setText("");
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        pollRegistration = event.getUI().addPollListener(e -> {
            if (consistency.progress().running() || !checkAll.isEnabled()) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
