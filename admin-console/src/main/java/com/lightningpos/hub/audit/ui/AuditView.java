package com.lightningpos.hub.audit.ui;

import com.lightningpos.hub.audit.AuditEntry;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.ui.Formats;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Who changed what, and when: every change made in the console or through the admin API. */
@Route("audit")
@PageTitle("Audit log · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class AuditView extends VerticalLayout {

    public AuditView(AuditLog audit) {
        setSizeFull();
        TextField filter = new TextField();
        filter.setId("audit-filter");
        filter.setPlaceholder("Action, target or user contains…");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24rem");
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(e -> Formats.time(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(3);
        grid.setItems(q -> audit.search(filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> audit.count(filter.getValue()));
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H3("Audit log"), filter, grid);
    }
}
