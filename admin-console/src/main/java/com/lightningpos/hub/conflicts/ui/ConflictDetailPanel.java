package com.lightningpos.hub.conflicts.ui;

import com.lightningpos.hub.conflicts.ConflictDetail;
import com.lightningpos.hub.conflicts.ConflictRow;
import com.lightningpos.hub.conflicts.ConflictService;
import com.lightningpos.hub.conflicts.FieldDiff;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;

/** One conflict: both versions side by side, differing fields highlighted, and the ways to settle it. */
class ConflictDetailPanel extends VerticalLayout {

    private final ConflictService conflicts;
    private final Runnable onSettled;

    ConflictDetailPanel(ConflictService conflicts, Runnable onSettled) {
        this.conflicts = conflicts;
        this.onSettled = onSettled;
        setId("conflict-detail");
        show(null);
    }

    void show(Long id) {
        removeAll();
        if (id == null) {
            add(new Paragraph("Select a conflict to compare the shop's version with the hub's."));
            return;
        }
        ConflictDetail detail = conflicts.detail(id);
        ConflictRow c = detail.conflict();
        add(new H4(c.table() + " " + (c.recordLabel() == null ? c.recordId() : c.recordLabel())),
                new Paragraph("Shop " + c.shopName() + " · " + Formats.time(c.createdAt()) + " · rule " + c.rule()
                        + " · winner: " + c.winner() + " · row " + c.recordId()),
                fields(detail));
        if (c.isOpen()) {
            add(actions(detail));
        } else {
            Paragraph settled = new Paragraph("Settled by " + c.settledBy() + " at " + Formats.time(c.settledAt()) + ": "
                    + c.resolution());
            settled.setId("conflict-settlement");
            add(settled);
        }
    }

    private Grid<FieldDiff> fields(ConflictDetail detail) {
        Grid<FieldDiff> grid = new Grid<>();
        grid.setId("conflict-fields");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(f -> cell(f, f.field(), true)).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(f -> cell(f, f.shopValue(), false)).setHeader("Shop's version (" + detail.conflict().shopName() + ")");
        grid.addComponentColumn(f -> cell(f, f.hubValue(), false)).setHeader("Hub's version");
        grid.addColumn(f -> f.currentValue() == null ? "" : f.currentValue()).setHeader("Now at the hub");
        grid.setItems(detail.fields());
        return grid;
    }

    /** Differing fields are highlighted inline (custom grid CSS would need a frontend build). */
    private static Component cell(FieldDiff field, String value, boolean name) {
        Span span = new Span(value == null ? (name ? "" : "—") : value);
        if (field.differs()) {
            span.getStyle().set("background", "var(--lumo-warning-color-10pct)").set("font-weight", name ? "600" : "500")
                    .set("padding", "0 var(--lumo-space-xs)");
            span.getElement().setAttribute("data-differs", "true");
        }
        return span;
    }

    private Component actions(ConflictDetail detail) {
        long id = detail.conflict().id();
        TextField note = new TextField();
        note.setId("settle-note");
        note.setPlaceholder("Note (optional)");
        note.setWidth("20rem");
        Button accept = settleButton("Accept the applied result", "settle-accept",
                n -> conflicts.acceptApplied(id, n), note);
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reapply = settleButton("Re-apply the shop's version", "settle-reapply",
                n -> conflicts.reapplyShopVersion(id, n), note);
        reapply.setEnabled(detail.canReapply());
        Button merge = new Button("Edit a merged value…", e -> new MergeDialog(conflicts, detail, note.getValue(), () -> {
            show(id);
            onSettled.run();
        }).open());
        merge.setId("settle-merge");
        merge.setEnabled(detail.canReapply());
        HorizontalLayout actions = new HorizontalLayout(note, accept, reapply, merge);
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    private Button settleButton(String label, String id, Function<String, ConflictRow> settle, TextField note) {
        Button button = new Button(label, e -> {
            ConflictRow[] result = new ConflictRow[1];
            if (Notifications.attempt(() -> result[0] = settle.apply(note.getValue()))) {
                Notifications.success("Conflict settled: " + result[0].resolution());
                show(result[0].id());
                onSettled.run();
            }
        });
        button.setId(id);
        return button;
    }
}
