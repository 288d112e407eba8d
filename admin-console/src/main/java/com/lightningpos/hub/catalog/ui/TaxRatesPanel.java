package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.TaxRateRow;
import com.lightningpos.hub.catalog.TaxRateService;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;

/** Tax rates: a short list, loaded whole. Rates are typed in percent and stored in basis points. */
class TaxRatesPanel extends VerticalLayout {

    private final TaxRateService taxRates;
    private final Grid<TaxRateRow> grid = new Grid<>();

    TaxRatesPanel(TaxRateService taxRates) {
        this.taxRates = taxRates;
        setSizeFull();
        setPadding(false);
        Button create = new Button("New tax rate", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-tax-rate");
        grid.setId("tax-rates-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(TaxRateRow::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(t -> BigDecimal.valueOf(t.rateBp(), 2).stripTrailingZeros().toPlainString() + " %").setHeader("Rate");
        grid.addColumn(t -> t.inclusive() ? "included in prices" : "added to prices").setHeader("Applied");
        grid.addColumn(t -> t.lastModifiedShopName() == null ? "head office" : t.lastModifiedShopName()).setHeader("Last changed by");
        grid.addItemClickListener(e -> edit(e.getItem()));
        add(create, grid);
        refresh();
    }

    private void edit(TaxRateRow rate) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(rate == null ? "New tax rate" : "Edit " + rate.name());
        TextField name = new TextField("Name");
        name.setId("tax-rate-name");
        BigDecimalField percent = new BigDecimalField("Rate (%)");
        percent.setId("tax-rate-percent");
        Checkbox inclusive = new Checkbox("Included in prices", true);
        if (rate != null) {
            name.setValue(rate.name());
            percent.setValue(BigDecimal.valueOf(rate.rateBp(), 2));
            inclusive.setValue(rate.inclusive());
        }
        Button save = new Button("Save", e -> {
            if (Notifications.attempt(() -> {
                Integer bp = percent.getValue() == null ? null : percent.getValue().movePointRight(2).intValue();
                var draft = new TaxRateService.Draft(name.getValue(), bp, inclusive.getValue());
                if (rate == null) {
                    taxRates.create(draft);
                } else {
                    taxRates.update(rate.id(), draft);
                }
            })) {
                dialog.close();
                refresh();
            }
        });
        save.setId("save-tax-rate");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, percent, inclusive));
        if (rate != null) {
            Button delete = new Button("Delete", e -> {
                if (Notifications.attempt(() -> taxRates.delete(rate.id()))) {
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
        grid.setItems(taxRates.list(false));
    }
}
