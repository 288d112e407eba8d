package com.lightningpos.hub.schema.ui;

import com.lightningpos.hub.schema.SchemaRolloutService;
import com.lightningpos.hub.schema.SchemaStatus;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The shop schema version shops must run, which shops run which version, and raising it. */
@Route("schema")
@PageTitle("Schema rollout · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class SchemaRolloutView extends VerticalLayout {

    private final SchemaRolloutService rollout;
    private final Paragraph summary = new Paragraph();
    private final Paragraph updated = new Paragraph();
    private final Grid<SchemaStatus.VersionCount> versions = new Grid<>();
    private final IntegerField version = new IntegerField("New required version");
    private final Checkbox canaryFirst = new Checkbox("Canary shops first");
    private final Button cancelCanary = new Button("Call the canary rollout off…");

    public SchemaRolloutView(SchemaRolloutService rollout) {
        this.rollout = rollout;
        summary.setId("schema-summary");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)");

        versions.setId("versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setAllRowsVisible(true);
        versions.setMaxWidth("40rem");
        versions.addColumn(v -> v.version() == null ? "not reported yet" : "version " + v.version()).setHeader("Schema");
        versions.addColumn(SchemaStatus.VersionCount::shops).setHeader("Active shops");
        versions.addColumn(SchemaStatus.VersionCount::canaryShops).setHeader("of them canary");

        version.setId("required-version");
        version.setStepButtonsVisible(true);
        version.setMin(1);
        canaryFirst.setId("canary-only");
        Button raise = new Button("Raise…", e -> new RaiseVersionDialog(rollout, version.getValue(), canaryFirst.getValue(),
                this::refresh).open());
        raise.setId("raise-version");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(version, canaryFirst, raise);
        form.setAlignItems(Alignment.BASELINE);
        cancelCanary.setId("cancel-canary");
        cancelCanary.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancelCanary.addClickListener(e -> confirmCancelCanary());

        add(new H3("Schema rollout"), summary, updated, new H4("Shops by schema version"), versions,
                new H4("Raise the required version"),
                new Paragraph("Shops on an older version are told to update when they next sync: they keep selling "
                        + "and uploading sales (one version back), but download no catalog changes until they update."),
                form, cancelCanary);
        refresh();
    }

    private void confirmCancelCanary() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Call the canary rollout off?");
        dialog.add(new Paragraph("Canary shops will no longer be told to update. Those that already run the new version "
                + "keep it (a till database is never migrated back) and keep syncing normally."));
        Button confirm = new Button("Call it off", e -> {
            if (Notifications.attempt(rollout::cancelCanary)) {
                Notifications.success("Canary rollout called off");
                refresh();
                dialog.close();
            }
        });
        confirm.setId("confirm-cancel-canary");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Keep it", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void refresh() {
        SchemaStatus status = rollout.status();
        String canary = status.canaryRequiredVersion() == null ? ""
                : " Canary shops must run version " + status.canaryRequiredVersion() + ".";
        summary.setText("Shops must run schema version " + status.requiredVersion() + " to download the catalog; uploads "
                + "are accepted from version " + status.minUploadVersion() + "." + canary
                + " This hub knows shop schemas up to version " + status.latestShopSchema() + ".");
        updated.setText(status.updatedBy() == null ? "" : "Last changed by " + status.updatedBy() + " at "
                + Formats.time(status.updatedAt()));
        versions.setItems(status.versions());
        cancelCanary.setVisible(status.canaryRequiredVersion() != null);
        version.setValue(Math.max(status.requiredVersion(), status.canaryRequiredVersion() == null ? 0
                : status.canaryRequiredVersion()) + 1);
    }
}
