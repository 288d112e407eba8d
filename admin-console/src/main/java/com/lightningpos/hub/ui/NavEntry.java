package com.lightningpos.hub.ui;

import com.lightningpos.hub.alerts.ui.AlertsView;
import com.lightningpos.hub.audit.ui.AuditView;
import com.lightningpos.hub.catalog.ui.CatalogView;
import com.lightningpos.hub.conflicts.ui.ConflictsView;
import com.lightningpos.hub.consistency.ui.ConsistencyView;
import com.lightningpos.hub.dashboard.ui.DashboardView;
import com.lightningpos.hub.join.ui.ProposalsView;
import com.lightningpos.hub.quarantine.ui.QuarantineView;
import com.lightningpos.hub.sales.ui.SalesView;
import com.lightningpos.hub.schema.ui.SchemaRolloutView;
import com.lightningpos.hub.shops.ui.ShopsView;
import com.lightningpos.hub.users.ui.UsersView;
import com.vaadin.flow.component.Component;

/** The console's views in navigation order; a user sees only those their role may open. */
enum NavEntry {
    DASHBOARD("Sync health", DashboardView.class),
    ALERTS("Alerts", AlertsView.class),
    SHOPS("Shops", ShopsView.class),
    CATALOG("Catalog", CatalogView.class),
    SCHEMA("Schema rollout", SchemaRolloutView.class),
    CONFLICTS("Conflicts", ConflictsView.class),
    PROPOSALS("Catalog proposals", ProposalsView.class),
    QUARANTINE("Quarantine", QuarantineView.class),
    CONSISTENCY("Consistency", ConsistencyView.class),
    SALES("Sales", SalesView.class),
    USERS("Users", UsersView.class),
    AUDIT("Audit log", AuditView.class);

    private final String label;
    private final Class<? extends Component> view;

    NavEntry(String label, Class<? extends Component> view) {
        this.label = label;
        this.view = view;
    }

    String label() {
        return label;
    }

    Class<? extends Component> view() {
        return view;
    }
}
