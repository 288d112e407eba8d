package com.lightningpos.hub.ui;

import com.vaadin.flow.component.Component;

/** The console's views in navigation order; a user sees only those their role may open. */
enum NavEntry {
    DASHBOARD("Sync health", DashboardView.class);

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
