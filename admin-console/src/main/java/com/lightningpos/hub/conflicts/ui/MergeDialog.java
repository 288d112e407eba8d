package com.lightningpos.hub.conflicts.ui;

import com.lightningpos.hub.conflicts.ConflictDetail;
import com.lightningpos.hub.conflicts.ConflictService;
import com.lightningpos.hub.conflicts.FieldDiff;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Lets a person type the merged values of the fields that differ; only edited fields are written. */
class MergeDialog extends Dialog {

    private static final Set<String> NOT_EDITABLE = Set.of("id", "version", "last_modified_at", "last_modified_shop_id",
            "origin_shop_id");

    MergeDialog(ConflictService conflicts, ConflictDetail detail, String note, Runnable onMerged) {
        setHeaderTitle("Merge " + (detail.conflict().recordLabel() == null ? "row" : detail.conflict().recordLabel()));
        setWidth("36rem");
        add(new Paragraph("Start from the value now at the hub; fields you leave unchanged are not written."));
        FormLayout form = new FormLayout();
        Map<String, TextField> editors = new LinkedHashMap<>();
        Map<String, String> initial = new LinkedHashMap<>();
        for (FieldDiff field : detail.fields()) {
            if (!field.differs() || NOT_EDITABLE.contains(field.field())) {
                continue;
            }
            TextField editor = new TextField(field.field());
            editor.setId("merge-" + field.field());
            String start = field.currentValue() != null ? field.currentValue() : field.hubValue();
            editor.setValue(start == null ? "" : start);
            editor.setHelperText("shop: " + field.shopValue() + " · hub: " + field.hubValue());
            editors.put(field.field(), editor);
            initial.put(field.field(), editor.getValue());
            form.add(editor);
        }
        add(form);
        Button apply = new Button("Write merged value", e -> {
            Map<String, String> values = new LinkedHashMap<>();
            editors.forEach((column, editor) -> {
                if (!editor.getValue().equals(initial.get(column))) {
                    values.put(column, editor.getValue());
                }
            });
            if (values.isEmpty()) {
                Notifications.error("Change at least one value, or accept the applied result instead");
                return;
            }
            if (Notifications.attempt(() -> conflicts.applyMerged(detail.conflict().id(), values, note))) {
                Notifications.success("Merged value written; it goes out to every shop");
                onMerged.run();
                close();
            }
        });
        apply.setId("merge-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }
}
