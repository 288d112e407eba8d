package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.CatalogService;
import com.lightningpos.hub.catalog.CategoryRow;
import com.lightningpos.hub.catalog.ItemChanges;
import com.lightningpos.hub.catalog.ItemDraft;
import com.lightningpos.hub.catalog.ItemRow;
import com.lightningpos.hub.catalog.Money;
import com.lightningpos.hub.catalog.TaxRateRow;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;

/** Creates or edits one item; an edit sends only the fields that changed. */
class ItemDialog extends Dialog {

    private final CatalogService catalog;
    private final ItemRow item;
    private final Runnable onSaved;
    private final TextField sku = new TextField("SKU");
    private final TextField barcode = new TextField("Barcode");
    private final TextField name = new TextField("Name");
    private final BigDecimalField price = new BigDecimalField("Price");
    private final ComboBox<CategoryRow> category = new ComboBox<>("Category");
    private final ComboBox<TaxRateRow> taxRate = new ComboBox<>("Tax rate");
    private final Select<String> unit = new Select<>();
    private final Checkbox active = new Checkbox("Sold at the tills");

    ItemDialog(CatalogService catalog, List<CategoryRow> categories, List<TaxRateRow> taxRates, ItemRow item,
               Runnable onSaved) {
        this.catalog = catalog;
        this.item = item;
        this.onSaved = onSaved;
        setHeaderTitle(item == null ? "New item" : "Edit " + item.name());
        categories = withCurrentCategory(categories, item);
        taxRates = withCurrentTaxRate(taxRates, item);
        setWidth("40rem");
        sku.setId("item-sku");
        sku.setRequired(true);
        barcode.setId("item-barcode");
        name.setId("item-name");
        name.setRequired(true);
        price.setId("item-price");
        price.setRequiredIndicatorVisible(true);
        category.setId("item-category");
        category.setItems(categories);
        category.setItemLabelGenerator(CategoryRow::name);
        category.setClearButtonVisible(true);
        taxRate.setId("item-tax-rate");
        taxRate.setItems(taxRates);
        taxRate.setItemLabelGenerator(t -> t.deleted() ? t.name() : t.name() + " (" + t.rateBp() / 100.0 + " %)");
        taxRate.setClearButtonVisible(true);
        unit.setId("item-unit");
        unit.setLabel("Unit");
        unit.setItems("each", "kg");
        unit.setValue("each");
        active.setId("item-active");
        active.setValue(true);
        if (item != null) {
            sku.setValue(item.sku());
            barcode.setValue(Objects.requireNonNullElse(item.barcode(), ""));
            name.setValue(item.name());
            price.setValue(Money.fromCents(item.priceCents()));
            categories.stream().filter(c -> c.id().equals(item.categoryId())).findFirst().ifPresent(category::setValue);
            taxRates.stream().filter(t -> t.id().equals(item.taxRateId())).findFirst().ifPresent(taxRate::setValue);
            unit.setValue(item.unit());
            active.setValue(item.active());
        }
        FormLayout form = new FormLayout(sku, barcode, name, price, category, taxRate, unit, active);
        form.setColspan(name, 2);
        add(form);
        if (item != null && item.lastModifiedShopName() != null) {
            add(new Paragraph("Last changed at shop " + item.lastModifiedShopName() + "."));
        }

        Button save = new Button("Save", e -> save());
        save.setId("save-item");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        if (item != null) {
            Button delete = new Button("Delete", e -> delete());
            delete.setId("delete-item");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    /**
     * An item may still point at a category deleted since; it stays selectable so that saving the
     * form does not clear it as a side effect of, say, a price edit.
     */
    private static List<CategoryRow> withCurrentCategory(List<CategoryRow> categories, ItemRow item) {
        if (item == null || item.categoryId() == null || categories.stream().anyMatch(c -> c.id().equals(item.categoryId()))) {
            return categories;
        }
        List<CategoryRow> all = new java.util.ArrayList<>(categories);
        all.add(new CategoryRow(item.categoryId(), item.categoryName() + " (deleted)", null, null, 0, true, 0, null, null));
        return all;
    }

    private static List<TaxRateRow> withCurrentTaxRate(List<TaxRateRow> taxRates, ItemRow item) {
        if (item == null || item.taxRateId() == null || taxRates.stream().anyMatch(t -> t.id().equals(item.taxRateId()))) {
            return taxRates;
        }
        List<TaxRateRow> all = new java.util.ArrayList<>(taxRates);
        all.add(new TaxRateRow(item.taxRateId(), item.taxRateName() + " (deleted)", 0, true, true, 0, null, null));
        return all;
    }

    private void save() {
        boolean saved = Notifications.attempt(() -> {
            ItemDraft draft = new ItemDraft(sku.getValue(), barcode.getValue(), name.getValue(),
                    price.getValue() == null ? null : Money.toCents(price.getValue()),
                    category.getValue() == null ? null : category.getValue().id(),
                    taxRate.getValue() == null ? null : taxRate.getValue().id(), unit.getValue(), active.getValue());
            if (item == null) {
                catalog.createItem(draft);
                return;
            }
            ItemChanges changes = ItemChanges.between(item, draft);
            if (!changes.isEmpty()) {
                catalog.updateItem(item.id(), changes);
            }
        });
        if (saved) {
            Notifications.success(item == null ? "Item created" : "Item saved");
            onSaved.run();
            close();
        }
    }

    private void delete() {
        if (Notifications.attempt(() -> catalog.deleteItem(item.id()))) {
            Notifications.success("Item deleted; the deletion goes out to every shop");
            onSaved.run();
            close();
        }
    }
}
