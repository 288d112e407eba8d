package com.lightningpos.hub.alerts.ui;

import com.lightningpos.hub.alerts.Alert;
import com.lightningpos.hub.alerts.AlertService;
import com.lightningpos.hub.alerts.Severity;
import com.lightningpos.hub.dashboard.ui.ShopDetailView;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.ui.Badge;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/** Open alerts (critical first) with what to do, and the recently resolved ones below. */
@Route("alerts")
@PageTitle("Alerts · Lightning POS Sync")
@RolesAllowed({Role.HEAD_OFFICE_NAME, Role.SUPPORT_NAME})
public class AlertsView extends VerticalLayout {

    static final int RESOLVED_SHOWN = 50;

    private final AlertService alerts;
    private final Grid<Alert> open = new Grid<>();
    private final Grid<Alert> resolved = new Grid<>();
    private final Span openCount = new Span();

    public AlertsView(AlertService alerts) {
        this.alerts = alerts;
        setSizeFull();
        Button refresh = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("alerts-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.setAriaLabel("Refresh now");
        openCount.setId("alerts-open-count");
        HorizontalLayout header = new HorizontalLayout(new H3("Alerts"), openCount, refresh);
        header.setAlignItems(Alignment.BASELINE);

        open.setId("alerts-open");
        open.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        open.setAllRowsVisible(true);
        open.addComponentColumn(a -> severityBadge(a.severity())).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(a -> a.rule().title()).setHeader("Rule").setAutoWidth(true);
        open.addComponentColumn(AlertsView::subject).setHeader("Subject").setAutoWidth(true);
        open.addColumn(a -> Formats.ago(a.firstSeenAt())).setHeader("Since").setAutoWidth(true)
                .setTooltipGenerator(a -> Formats.time(a.firstSeenAt()));
        open.addColumn(Alert::message).setHeader("Message").setFlexGrow(4);
        open.addComponentColumn(this::whatToDo).setHeader("What to do").setFlexGrow(4);
        open.addComponentColumn(this::acknowledgement).setHeader("Acknowledged").setAutoWidth(true);

        resolved.setId("alerts-resolved");
        resolved.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        resolved.setMinHeight("12rem");
        resolved.addComponentColumn(a -> severityBadge(a.severity())).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        resolved.addColumn(a -> a.rule().title()).setHeader("Rule").setAutoWidth(true);
        resolved.addComponentColumn(AlertsView::subject).setHeader("Subject").setAutoWidth(true);
        resolved.addColumn(a -> Formats.time(a.firstSeenAt())).setHeader("Opened").setAutoWidth(true);
        resolved.addColumn(a -> Formats.time(a.resolvedAt())).setHeader("Resolved").setAutoWidth(true);
        resolved.addColumn(Alert::message).setHeader("Last message").setFlexGrow(3);

        add(header, open, new H4("Recently resolved"), resolved);
        refresh();
    }

    private static Span severityBadge(Severity severity) {
        return Badge.of(severity.code(), severity == Severity.CRITICAL ? Badge.Tone.ERROR : Badge.Tone.WARNING);
    }

    private static Component subject(Alert alert) {
        if (alert.shopId() == null) {
            return new Span("hub " + alert.subject());
        }
        return new RouterLink(alert.subjectLabel(), ShopDetailView.class, new RouteParameters("shopId", alert.shopId().toString()));
    }

    private Component whatToDo(Alert alert) {
        Div hint = new Div(new Span(alert.hint() + " "));
        String docs = "docs/operations.md: “" + alert.rule().docsSymptom() + "”";
        String link = alerts.docsLink(alert.rule());
        if (link != null) {
            Anchor anchor = new Anchor(link, docs);
            anchor.setTarget("_blank");
            hint.add(anchor);
        } else {
            Span reference = new Span("(" + docs + ")");
            reference.getStyle().set("color", "var(--lumo-secondary-text-color)");
            hint.add(reference);
        }
        return hint;
    }

    private Component acknowledgement(Alert alert) {
        if (alert.acknowledgedAt() != null) {
            return new Span(alert.acknowledgedBy() + ", " + Formats.ago(alert.acknowledgedAt()));
        }
        Button acknowledge = new Button("Acknowledge", e -> {
            if (Notifications.attempt(() -> alerts.acknowledge(alert.id()))) {
                Notifications.success("Acknowledged; it stays open until the condition clears");
                refresh();
            }
        });
        acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        acknowledge.setId("acknowledge-" + alert.id());
        return acknowledge;
    }

    private void refresh() {
        var openAlerts = alerts.open();
        openCount.setText(openAlerts.isEmpty() ? "nothing open" : openAlerts.size() + " open");
        open.setItems(openAlerts);
        resolved.setItems(alerts.recentlyResolved(RESOLVED_SHOWN));
    }
}
