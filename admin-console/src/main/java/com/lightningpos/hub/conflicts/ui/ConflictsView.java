package com.lightningpos.hub.conflicts.ui;

import com.lightningpos.hub.conflicts.ConflictFilter;
import com.lightningpos.hub.conflicts.ConflictRow;
import com.lightningpos.hub.conflicts.ConflictService;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopName;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Formats;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Conflicts the hub recorded, filtered by status, shop, table and age; the selected one is shown side by side. */
@Route("conflicts")
@PageTitle("Conflicts · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class ConflictsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, Duration> AGES = new LinkedHashMap<>();

    static {
        AGES.put("Any age", null);
        AGES.put("Older than 1 hour", Duration.ofHours(1));
        AGES.put("Older than 1 day", Duration.ofDays(1));
        AGES.put("Older than 1 week", Duration.ofDays(7));
    }

    private final ConflictService conflicts;
    private final Grid<ConflictRow> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final ComboBox<ShopName> shop = new ComboBox<>();
    private final Select<String> table = new Select<>();
    private final Select<String> age = new Select<>();
    private final Span total = new Span();
    private final ConflictDetailPanel detail;

    public ConflictsView(ConflictService conflicts, ShopService shops) {
        this.conflicts = conflicts;
        this.detail = new ConflictDetailPanel(conflicts, this::settled);
        setSizeFull();

        status.setId("conflict-status");
        status.setLabel("Status");
        status.setItems("Open", "Settled", "All");
        status.setValue("Open");
        shop.setId("conflict-shop");
        shop.setLabel("Shop");
        shop.setItems(shops.names());
        shop.setItemLabelGenerator(ShopName::name);
        shop.setClearButtonVisible(true);
        table.setId("conflict-table");
        table.setLabel("Table");
        table.setEmptySelectionAllowed(true);
        table.setEmptySelectionCaption("Any table");
        table.setItems(conflicts.tables());
        age.setId("conflict-age");
        age.setLabel("Age");
        age.setItems(AGES.keySet());
        age.setValue("Any age");
        status.addValueChangeListener(e -> refresh());
        shop.addValueChangeListener(e -> refresh());
        table.addValueChangeListener(e -> refresh());
        age.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(new H3("Conflicts"), status, shop, table, age, total);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("conflicts-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(c -> Formats.time(c.createdAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(ConflictRow::shopName).setHeader("Shop").setAutoWidth(true);
        grid.addColumn(ConflictRow::table).setHeader("Table").setAutoWidth(true);
        grid.addColumn(c -> c.recordLabel() == null ? c.recordId().toString() : c.recordLabel()).setHeader("Row").setFlexGrow(2);
        grid.addColumn(ConflictRow::rule).setHeader("Rule").setAutoWidth(true);
        grid.addColumn(ConflictRow::winner).setHeader("Winner").setAutoWidth(true);
        grid.addColumn(c -> c.isOpen() ? "open" : "settled by " + c.settledBy()).setHeader("Status").setAutoWidth(true);
        grid.setItems(q -> conflicts.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> conflicts.count(filter()));
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue() == null ? null : e.getValue().id()));

        SplitLayout split = new SplitLayout(grid, detail);
        split.setOrientation(SplitLayout.Orientation.VERTICAL);
        split.setSplitterPosition(45);
        split.setSizeFull();
        add(filters, split);
        refresh();
    }

    /** {@code ?shop=<id>} preselects a shop (the shop detail view links here). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("shop").ifPresent(id -> {
            try {
                UUID shopId = UUID.fromString(id);
                shop.getListDataView().getItems().filter(s -> s.id().equals(shopId)).findFirst().ifPresent(shop::setValue);
            } catch (IllegalArgumentException ignored) {
                // not a shop id: show all shops
            }
        });
    }

    private ConflictFilter filter() {
        ConflictFilter.ConflictStatus wanted = switch (status.getValue()) {
            case "Open" -> ConflictFilter.ConflictStatus.OPEN;
            case "Settled" -> ConflictFilter.ConflictStatus.SETTLED;
            default -> null;
        };
        return new ConflictFilter(wanted, shop.getValue() == null ? null : shop.getValue().id(), table.getValue(),
                AGES.get(age.getValue()));
    }

    private void settled() {
        grid.getDataProvider().refreshAll();
        total.setText(conflicts.count(filter()) + " conflicts");
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        detail.show(null);
        total.setText(conflicts.count(filter()) + " conflicts");
    }
}
