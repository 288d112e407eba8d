package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.BulkPriceService;
import com.lightningpos.hub.catalog.ItemFilter;
import com.lightningpos.hub.catalog.Money;
import com.lightningpos.hub.catalog.PriceChange;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;

/** Changes the price of every item the grid's filter covers; the preview shows how many and a few examples. */
class BulkPriceDialog extends Dialog {

    private final BulkPriceService bulkPrices;
    private final ItemFilter filter;
    private final Runnable onApplied;
    private final RadioButtonGroup<PriceChange.Kind> kind = new RadioButtonGroup<>("Change by");
    private final BigDecimalField amount = new BigDecimalField();
    private final Div preview = new Div();

    BulkPriceDialog(BulkPriceService bulkPrices, ItemFilter filter, Runnable onApplied) {
        this.bulkPrices = bulkPrices;
        this.filter = filter;
        this.onApplied = onApplied;
        setHeaderTitle("Change prices");
        setWidth("36rem");
        String scope = filter.text() == null || filter.text().isBlank() ? "all items" : "items matching '" + filter.text() + "'";
        if (filter.categoryId() != null) {
            scope += " in the selected category";
        }
        kind.setId("bulk-kind");
        kind.setItems(PriceChange.Kind.values());
        kind.setItemLabelGenerator(k -> k == PriceChange.Kind.PERCENT ? "Percentage" : "Amount");
        kind.setValue(PriceChange.Kind.PERCENT);
        kind.addValueChangeListener(e -> updateLabel());
        amount.setId("bulk-amount");
        updateLabel();
        amount.addValueChangeListener(e -> showPreview());
        kind.addValueChangeListener(e -> showPreview());
        preview.setId("bulk-preview");
        add(new Paragraph("Applies to " + scope + " (deleted items are left alone), all in one go."), kind, amount, preview);

        Button apply = new Button("Apply", e -> apply());
        apply.setId("bulk-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }

    private void updateLabel() {
        amount.setLabel(kind.getValue() == PriceChange.Kind.PERCENT ? "Percent (e.g. 5 or -10)" : "Amount to add (e.g. 0.50 or -0.20)");
    }

    private PriceChange change() {
        BigDecimal value = amount.getValue();
        if (kind.getValue() == PriceChange.Kind.PERCENT) {
            return new PriceChange(PriceChange.Kind.PERCENT, value);
        }
        return PriceChange.cents(Money.toCents(value));
    }

    private void showPreview() {
        preview.removeAll();
        if (amount.getValue() == null) {
            return;
        }
        Notifications.attempt(() -> {
            BulkPriceService.Preview p = bulkPrices.preview(filter, change());
            preview.add(new Paragraph(p.items() + " items will change, for example:"));
            p.examples().forEach(x -> preview.add(new Paragraph(x.sku() + " " + x.name() + ": "
                    + Formats.money(x.oldPriceCents()) + " → " + Formats.money(x.newPriceCents()))));
        });
    }

    private void apply() {
        BulkPriceService.Result[] result = new BulkPriceService.Result[1];
        if (Notifications.attempt(() -> result[0] = bulkPrices.apply(filter, change()))) {
            Notifications.success(result[0].changed() + " of " + result[0].matched() + " prices changed");
            onApplied.run();
            close();
        }
    }
}
