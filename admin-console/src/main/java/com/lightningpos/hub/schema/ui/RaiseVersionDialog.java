package com.lightningpos.hub.schema.ui;

import com.lightningpos.hub.schema.SchemaRolloutService;
import com.lightningpos.hub.schema.SchemaStatus;
import com.lightningpos.hub.schema.ShopVersion;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** Confirms a raise, listing the shops that will be told to update. */
class RaiseVersionDialog extends Dialog {

    RaiseVersionDialog(SchemaRolloutService rollout, Integer version, boolean canaryOnly, Runnable onRaised) {
        setHeaderTitle(canaryOnly ? "Require version " + version + " of canary shops" : "Require version " + version);
        setWidth("44rem");
        if (version == null || version < 1) {
            add(new Paragraph("Enter the version to require."));
            getFooter().add(new Button("Close", e -> close()));
            return;
        }
        SchemaStatus status = rollout.status();
        List<ShopVersion> told = rollout.shopsBelow(version, canaryOnly);
        Paragraph intro = new Paragraph(told.size() + (canaryOnly ? " canary" : "") + " shops will be told to update:");
        intro.setId("raise-summary");
        add(intro);
        if (version > status.latestShopSchema()) {
            Paragraph warning = new Paragraph("No till build this hub knows has schema version " + version
                    + " yet (latest: " + status.latestShopSchema() + "). Shops cannot update until one ships.");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warning);
        }
        Grid<ShopVersion> shops = new Grid<>();
        shops.setId("raise-shops-grid");
        shops.addThemeVariants(GridVariant.LUMO_COMPACT);
        shops.addColumn(ShopVersion::name).setHeader("Shop").setFlexGrow(2);
        shops.addColumn(s -> s.schemaVersion() == null ? "not reported" : s.schemaVersion().toString()).setHeader("Runs");
        shops.addColumn(s -> s.canary() ? "canary" : "").setHeader("Canary");
        shops.addColumn(s -> Formats.ago(s.lastSeenAt())).setHeader("Last seen");
        shops.setItems(told);
        shops.setHeight("18rem");
        add(shops);

        Button confirm = new Button("Raise to " + version, e -> {
            if (Notifications.attempt(() -> {
                if (canaryOnly) {
                    rollout.raiseCanary(version);
                } else {
                    rollout.raiseRequired(version, null);
                }
            })) {
                Notifications.success("Required version raised to " + version);
                onRaised.run();
                close();
            }
        });
        confirm.setId("confirm-raise");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
