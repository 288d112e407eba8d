package com.lightningpos.hub.dashboard.ui;

import com.lightningpos.hub.alerts.AlertService;
import com.lightningpos.hub.dashboard.DashboardService;
import com.lightningpos.hub.dashboard.DashboardSnapshot;
import com.lightningpos.hub.dashboard.SvgChart;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.shops.ShopStatus;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.StatusBadges;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The landing page: every shop's sync health at a glance, the chain's totals and plots of
 * throughput and lag. It refreshes itself by UI polling while it is open.
 */
@Route("")
@PageTitle("Sync health · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class DashboardView extends VerticalLayout {

    static final int POLL_MILLIS = 15_000;

    private final DashboardService dashboard;
    private final AlertService alerts;
    private final Tile shopsTile = new Tile("Shops", "total-shops");
    private final Tile salesTile = new Tile("Sales today", "total-sales-today");
    private final Tile ordersTile = new Tile("Orders today", "total-orders-today");
    private final Tile rowsTile = new Tile("Rows synced, last hour", "total-rows-last-hour");
    private final Tile conflictsTile = new Tile("Open conflicts", "total-open-conflicts");
    private final Tile alertsTile = new Tile("Open alerts", "total-open-alerts");
    private final FlexLayout statusCounts = new FlexLayout();
    private final Svg throughputChart = new Svg();
    private final Svg lagChart = new Svg();
    private final Grid<ShopOverview> grid = new Grid<>();
    private final Select<ShopStatus> statusFilter = new Select<>();
    private final TextField nameFilter = new TextField();
    private final Select<DashboardService.Window> window = new Select<>();
    private final Span refreshedAt = new Span();
    private ListDataProvider<ShopOverview> shops = new ListDataProvider<>(List.of());
    private Registration pollRegistration;

    public DashboardView(DashboardService dashboard, AlertService alerts) {
        this.dashboard = dashboard;
        this.alerts = alerts;
        setSizeFull();

        window.setId("dashboard-window");
        window.setItems(DashboardService.Window.values());
        window.setItemLabelGenerator(w -> switch (w) {
            case LAST_HOUR -> "Last hour";
            case LAST_DAY -> "Last 24 hours";
            case LAST_WEEK -> "Last 7 days";
        });
        window.setValue(DashboardService.Window.LAST_HOUR);
        window.addValueChangeListener(e -> refresh());
        Button refresh = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("dashboard-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.setAriaLabel("Refresh now");
        refreshedAt.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout header = new HorizontalLayout(new H3("Sync health"), refreshedAt, window, refresh);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.expand(refreshedAt);

        FlexLayout tiles = new FlexLayout(shopsTile, salesTile, ordersTile, rowsTile, conflictsTile, alertsTile);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        statusCounts.setId("status-counts");
        statusCounts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        statusCounts.getStyle().set("gap", "var(--lumo-space-s)");

        throughputChart.setId("throughput-chart");
        lagChart.setId("lag-chart");
        FlexLayout charts = new FlexLayout(chartBox(throughputChart), chartBox(lagChart));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-m)");

        add(header, tiles, statusCounts, charts, filters(), grid);
        configureGrid();
        refresh();
    }

    private Div chartBox(Svg chart) {
        Div box = new Div(chart);
        box.getStyle().set("flex", "1 1 28rem").set("max-width", "48rem");
        return box;
    }

    private HorizontalLayout filters() {
        statusFilter.setId("status-filter");
        statusFilter.setPlaceholder("Any status");
        statusFilter.setItems(ShopStatus.values());
        statusFilter.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any status");
        statusFilter.addValueChangeListener(e -> applyFilter());
        nameFilter.setId("health-name-filter");
        nameFilter.setPlaceholder("Shop name contains…");
        nameFilter.setClearButtonVisible(true);
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(e -> applyFilter());
        return new HorizontalLayout(nameFilter, statusFilter);
    }

    private void configureGrid() {
        grid.setId("health-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setMinHeight("20rem");
        grid.addColumn(ShopOverview::name).setHeader("Shop").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(s -> StatusBadges.of(s.status())).setHeader("Status")
                .setComparator(ShopOverview::status).setAutoWidth(true);
        grid.addColumn(s -> Formats.ago(s.lastSyncAt())).setHeader("Last sync").setAutoWidth(true)
                .setComparator((a, b) -> compareNullsFirst(a.lastSyncAt(), b.lastSyncAt()));
        grid.addColumn(s -> Formats.count(s.pending())).setHeader("Rows waiting").setAutoWidth(true)
                .setComparator((a, b) -> compareNullsFirst(a.pending(), b.pending()));
        grid.addColumn(s -> Formats.seconds(s.lagSeconds())).setHeader("Lag").setAutoWidth(true)
                .setComparator((a, b) -> compareNullsFirst(a.lagSeconds(), b.lagSeconds()));
        grid.addColumn(s -> s.schemaVersion() == null ? "?" : s.schemaVersion().toString()).setHeader("Schema").setAutoWidth(true);
        grid.addColumn(s -> s.lastError() == null ? "" : s.lastError()).setHeader("Last error").setFlexGrow(3);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ShopDetailView.class,
                new RouteParameters("shopId", e.getItem().id().toString()))));
    }

    private static <T extends Comparable<T>> int compareNullsFirst(T a, T b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private void refresh() {
        DashboardSnapshot snapshot = dashboard.snapshot(window.getValue());
        shopsTile.setValue(Integer.toString(snapshot.shops().size()));
        salesTile.setValue(Formats.money(snapshot.salesTodayCents()));
        ordersTile.setValue(Formats.count(snapshot.ordersToday()));
        rowsTile.setValue(Formats.count(snapshot.rowsSyncedLastHour()));
        conflictsTile.setValue(Integer.toString(snapshot.openConflicts()));
        alertsTile.setValue(Integer.toString(alerts.openCount()));
        statusCounts.removeAll();
        snapshot.statusCounts().forEach((status, count) -> {
            Span badge = StatusBadges.of(status);
            badge.setText(status.label() + ": " + count);
            statusCounts.add(badge);
        });
        throughputChart.setSvg(SvgChart.lines("Rows loaded into the hub", List.of(snapshot.throughput()), 640, 200,
                ZoneOffset.UTC));
        lagChart.setSvg(SvgChart.lines("Worst lag of any shop", List.of(snapshot.lag()), 640, 200, ZoneOffset.UTC));
        shops = new ListDataProvider<>(snapshot.shops());
        grid.setItems(shops);
        applyFilter();
        refreshedAt.setText("updated " + Formats.time(snapshot.at().atOffset(ZoneOffset.UTC)) + ", refreshes every "
                + POLL_MILLIS / 1000 + " s");
    }

    private void applyFilter() {
        String name = nameFilter.getValue() == null ? "" : nameFilter.getValue().strip().toLowerCase();
        ShopStatus status = statusFilter.getValue();
        shops.setFilter(s -> (status == null || s.status() == status) && (name.isEmpty() || s.name().toLowerCase().contains(name)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        pollRegistration = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
