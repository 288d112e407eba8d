package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.BulkPriceService;
import com.lightningpos.hub.catalog.CatalogService;
import com.lightningpos.hub.catalog.CategoryService;
import com.lightningpos.hub.catalog.ItemCsvImport;
import com.lightningpos.hub.catalog.TaxRateService;
import com.lightningpos.hub.security.Role;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Head office's catalog editor: items, categories and tax rates. Support staff cannot open it. */
@Route("catalog")
@PageTitle("Catalog · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class CatalogView extends VerticalLayout {

    public CatalogView(CatalogService catalog, BulkPriceService bulkPrices, ItemCsvImport csvImport,
                       CategoryService categories, TaxRateService taxRates) {
        setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setId("catalog-tabs");
        tabs.setSizeFull();
        ItemsPanel items = new ItemsPanel(catalog, bulkPrices, csvImport, categories, taxRates);
        tabs.add("Items", items);
        tabs.add("Categories", new CategoriesPanel(categories));
        tabs.add("Tax rates", new TaxRatesPanel(taxRates));
        // categories or tax rates edited in another tab show up in the item form and filter
        tabs.addSelectedChangeListener(e -> items.reloadReferences());
        add(tabs);
    }
}
