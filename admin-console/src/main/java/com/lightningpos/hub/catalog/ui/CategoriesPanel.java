package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.CategoryRow;
import com.lightningpos.hub.catalog.CategoryService;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;

/** Categories: a short list, loaded whole. */
class CategoriesPanel extends VerticalLayout {

    private final CategoryService categories;
    private final Grid<CategoryRow> grid = new Grid<>();

    CategoriesPanel(CategoryService categories) {
        this.categories = categories;
        setSizeFull();
        setPadding(false);
        Button create = new Button("New category", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-category");
        grid.setId("categories-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(CategoryRow::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(CategoryRow::parentName).setHeader("Parent");
        grid.addColumn(CategoryRow::sortOrder).setHeader("Order");
        grid.addColumn(c -> c.lastModifiedShopName() == null ? "head office" : c.lastModifiedShopName()).setHeader("Last changed by");
        grid.addItemClickListener(e -> edit(e.getItem()));
        add(create, grid);
        refresh();
    }

    private void edit(CategoryRow category) {
        List<CategoryRow> all = categories.list(false);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(category == null ? "New category" : "Edit " + category.name());
        TextField name = new TextField("Name");
        name.setId("category-name");
        ComboBox<CategoryRow> parent = new ComboBox<>("Parent");
        parent.setItems(all.stream().filter(c -> category == null || !c.id().equals(category.id())).toList());
        parent.setItemLabelGenerator(CategoryRow::name);
        IntegerField order = new IntegerField("Sort order");
        order.setValue(0);
        if (category != null) {
            name.setValue(category.name());
            all.stream().filter(c -> c.id().equals(category.parentId())).findFirst().ifPresent(parent::setValue);
            order.setValue(category.sortOrder());
        }
        Button save = new Button("Save", e -> {
            var draft = new CategoryService.Draft(name.getValue(), parent.getValue() == null ? null : parent.getValue().id(),
                    Objects.requireNonNullElse(order.getValue(), 0));
            if (Notifications.attempt(() -> {
                if (category == null) {
                    categories.create(draft);
                } else {
                    categories.update(category.id(), draft);
                }
            })) {
                dialog.close();
                refresh();
            }
        });
        save.setId("save-category");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, parent, order));
        if (category != null) {
            Button delete = new Button("Delete", e -> {
                if (Notifications.attempt(() -> categories.delete(category.id()))) {
                    dialog.close();
                    refresh();
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(categories.list(false));
    }
}
