package com.lightningpos.hub.dashboard.ui;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.dashboard.DashboardService;
import com.lightningpos.hub.dashboard.ReplicaConsistency;
import com.lightningpos.hub.dashboard.ShopDetail;
import com.lightningpos.hub.dashboard.SvgChart;
import com.lightningpos.hub.dashboard.SyncRunRow;
import com.lightningpos.hub.join.JoinProgress;
import com.lightningpos.hub.join.JoinProgressService;
import com.lightningpos.hub.join.JoinService;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.lightningpos.hub.ui.StatusBadges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** One shop in depth: its health, recent runs and errors, and the replica consistency check. */
@Route("shops/:shopId")
@PageTitle("Shop · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class ShopDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final DashboardService dashboard;
    private final JoinProgressService joins;
    private final JoinService joinService;

    public ShopDetailView(DashboardService dashboard, JoinProgressService joins, JoinService joinService) {
        this.dashboard = dashboard;
        this.joins = joins;
        this.joinService = joinService;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UUID shopId;
        try {
            shopId = UUID.fromString(event.getRouteParameters().get("shopId").orElse(""));
        } catch (IllegalArgumentException e) {
            add(new Paragraph("No such shop."));
            return;
        }
        try {
            show(dashboard.shop(shopId));
        } catch (ProblemException e) {
            add(new Paragraph("No such shop."));
        }
    }

    private void show(ShopDetail detail) {
        ShopOverview shop = detail.shop();
        H3 title = new H3(shop.name());
        title.setId("shop-detail-name");
        HorizontalLayout header = new HorizontalLayout(title, StatusBadges.of(shop.status()));
        header.setAlignItems(Alignment.BASELINE);
        Svg chart = new Svg(SvgChart.lines("Rows loaded, last 24 hours", List.of(detail.throughput()), 640, 180,
                ZoneOffset.UTC));
        chart.setId("shop-throughput-chart");
        Div chartBox = new Div(chart);
        chartBox.setMaxWidth("48rem");
        chartBox.setWidthFull();
        add(header, facts(shop, detail.openConflicts()));
        joins.progress(shop.id()).ifPresent(progress -> add(new H4("Joining with the till's history"), join(progress),
                undoButton(shop, progress)));
        add(chartBox,
                new H4("Recent runs"), runsGrid(detail.runs(), "runs-grid"),
                new H4("Errors"), detail.errors().isEmpty() ? new Paragraph("No failed runs recorded.")
                        : runsGrid(detail.errors(), "errors-grid"),
                new H4("Replica consistency"), consistency(shop));
    }

    private Component facts(ShopOverview shop, int openConflicts) {
        FlexLayout facts = new FlexLayout();
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-l)");
        facts.add(fact("Shop id", shop.id().toString()),
                fact("Schema", (shop.schemaVersion() == null ? "not reported" : shop.schemaVersion()) + " (needs "
                        + shop.requiredSchemaVersion() + ")"),
                fact("Enrolled", shop.enrolled() ? "yes" : "no"),
                fact("Last sync", Formats.ago(shop.lastSyncAt())),
                fact("Last push", Formats.ago(shop.lastPushAt())),
                fact("Last ETL success", Formats.ago(shop.lastSuccessAt())),
                fact("Rows waiting", shop.pending() == null ? "unknown" : Formats.count(shop.pending())),
                fact("Lag", shop.lagSeconds() == null ? "unknown" : Formats.seconds(shop.lagSeconds())),
                fact("Failures in a row", Integer.toString(shop.consecutiveFailures())),
                fact("Last error", shop.lastError() == null ? "none" : shop.lastError()));
        Anchor conflicts = new Anchor("conflicts?shop=" + shop.id(), openConflicts + " open conflicts");
        facts.add(conflicts);
        return facts;
    }

    /** A till that sold standalone: its history upload and what its catalog step found. */
    private static Component join(JoinProgress progress) {
        FlexLayout facts = new FlexLayout();
        facts.setId("shop-join-progress");
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-l)");
        facts.add(fact("State", progress.state()),
                fact("History uploaded", Formats.count(progress.uploaded()) + " of " + Formats.count(progress.historyChanges())),
                fact("Remaining", Formats.count(progress.remaining())),
                fact("Time left", progress.etaSeconds() == null ? "estimating" : Formats.seconds(progress.etaSeconds())),
                fact("Catalog", progress.matched() + " matched, " + progress.proposed() + " proposed, "
                        + progress.problems() + " problems"),
                fact("Started", Formats.time(progress.startedAt())),
                fact("Verified", progress.verifiedAt() == null ? "not yet" : Formats.time(progress.verifiedAt())));
        if (progress.proposed() + progress.problems() > 0) {
            facts.add(new Anchor("proposals", "Review proposals"));
        }
        return facts;
    }

    /** For an undo the till could not report to the hub (it was offline); head office only. */
    private Component undoButton(ShopOverview shop, JoinProgress progress) {
        if (progress.verifiedAt() != null || progress.undoneAt() != null) {
            return new Span();
        }
        Button undo = new Button("Mark join undone", e -> {
            if (Notifications.attempt(() -> joinService.markUndone(shop.id()))) {
                Notifications.success("Join of " + shop.name() + " marked undone");
                UI.getCurrent().getPage().reload();
            }
        });
        undo.setId("mark-join-undone");
        return undo;
    }

    private static Component fact(String label, String value) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div box = new Div(caption, new Div(new Span(value)));
        box.getStyle().set("max-width", "24rem").set("overflow-wrap", "anywhere");
        return box;
    }

    private static Grid<SyncRunRow> runsGrid(List<SyncRunRow> runs, String id) {
        Grid<SyncRunRow> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(runs.size() <= 10);
        grid.setHeight(runs.size() <= 10 ? null : "22rem");
        grid.addColumn(r -> Formats.time(r.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(SyncRunRow::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(r -> r.durationMillis() + " ms").setHeader("Took").setAutoWidth(true);
        grid.addColumn(SyncRunRow::rowsDone).setHeader("Rows").setAutoWidth(true);
        grid.addColumn(r -> Formats.count(r.rowsWaiting())).setHeader("Waiting after").setAutoWidth(true);
        grid.addColumn(r -> r.ok() ? "ok" : "failed").setHeader("Result").setAutoWidth(true);
        grid.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(3);
        grid.setItems(runs);
        return grid;
    }

    private Component consistency(ShopOverview shop) {
        var provider = dashboard.consistencyCheck();
        if (provider.isEmpty()) {
            Paragraph unavailable = new Paragraph("Replica consistency check: not available in this hub.");
            unavailable.setId("consistency-not-available");
            return unavailable;
        }
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Div result = new Div();
        result.setId("consistency-result");
        Button check = new Button("Check now", e -> {
            ReplicaConsistency outcome = provider.get().check(shop.id());
            result.removeAll();
            result.add(new Paragraph((outcome.consistent() ? "Consistent: " : "Differs: ") + outcome.summary()
                    + " (checked " + Formats.time(outcome.checkedAt().atOffset(ZoneOffset.UTC)) + ")"));
            outcome.differences().forEach(d -> result.add(new Paragraph(d)));
        });
        check.setId("check-consistency");
        box.add(check, result);
        return box;
    }
}
