package com.lightningpos.hub.ui;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jooq.DSLContext;

@Route("")
@PageTitle("Sync health · Lightning POS Sync")
@PermitAll
public class DashboardView extends VerticalLayout {

    public DashboardView(DSLContext db) {
        Grid<com.lightningpos.db.hub.tables.records.ShopsRecord> shops = new Grid<>();
        shops.setId("shops-grid");
        shops.addColumn(s -> s.getName()).setHeader("Shop");
        shops.addColumn(s -> s.getIsActive() ? "active" : "inactive").setHeader("Status");
        shops.addColumn(s -> s.getLastSeenAt() == null ? "never" : s.getLastSeenAt().toString()).setHeader("Last sync");
        shops.setItems(db.selectFrom(SHOPS).orderBy(SHOPS.NAME).fetch());
        add(new H3("Shops"), shops);
    }
}
