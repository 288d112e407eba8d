package com.lightningpos.hub.catalog.ui;

import com.lightningpos.hub.catalog.BulkPriceService;
import com.lightningpos.hub.catalog.CatalogService;
import com.lightningpos.hub.catalog.CategoryRow;
import com.lightningpos.hub.catalog.CategoryService;
import com.lightningpos.hub.catalog.ItemCsvImport;
import com.lightningpos.hub.catalog.ItemFilter;
import com.lightningpos.hub.catalog.ItemRow;
import com.lightningpos.hub.catalog.ItemSort;
import com.lightningpos.hub.catalog.TaxRateService;
import com.lightningpos.hub.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;

/**
 * The item grid: a lazy data provider that asks the service for one page at a time (offset,
 * limit, allow-listed sort), so it stays fast with 100k items.
 */
class ItemsPanel extends VerticalLayout {

    private final CatalogService catalog;
    private final BulkPriceService bulkPrices;
    private final ItemCsvImport csvImport;
    private final CategoryService categories;
    private final TaxRateService taxRates;
    private final Grid<ItemRow> grid = new Grid<>();
    private final TextField text = new TextField();
    private final ComboBox<CategoryRow> category = new ComboBox<>();
    private final Checkbox showDeleted = new Checkbox("Show deleted");
    private final Span total = new Span();

    ItemsPanel(CatalogService catalog, BulkPriceService bulkPrices, ItemCsvImport csvImport, CategoryService categories,
               TaxRateService taxRates) {
        this.catalog = catalog;
        this.bulkPrices = bulkPrices;
        this.csvImport = csvImport;
        this.categories = categories;
        this.taxRates = taxRates;
        setSizeFull();
        setPadding(false);

        text.setId("item-filter");
        text.setPlaceholder("Name, SKU or barcode starts with…");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("20rem");
        text.addValueChangeListener(e -> refresh());
        category.setId("item-category-filter");
        category.setPlaceholder("Any category");
        category.setItemLabelGenerator(CategoryRow::name);
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());
        showDeleted.setId("show-deleted");
        showDeleted.addValueChangeListener(e -> refresh());

        Button create = new Button("New item", VaadinIcon.PLUS.create(), e -> openEditor(null));
        create.setId("new-item");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button bulk = new Button("Change prices…", e -> new BulkPriceDialog(bulkPrices, filter(), this::refresh).open());
        bulk.setId("bulk-price");
        Button importCsv = new Button("Import CSV…", VaadinIcon.UPLOAD.create(),
                e -> new ImportDialog(csvImport, this::refresh).open());
        importCsv.setId("import-csv");
        total.setId("items-total");

        FlexLayout toolbar = new FlexLayout(text, category, showDeleted, total, create, bulk, importCsv);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("gap", "var(--lumo-space-s)");
        toolbar.setFlexGrow(1, total);

        configureGrid();
        add(toolbar, grid);
        reloadReferences();
        refresh();
    }

    private void configureGrid() {
        grid.setId("items-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setMultiSort(true);
        grid.addColumn(ItemRow::sku).setHeader("SKU").setSortProperty("sku").setAutoWidth(true).setKey("sku");
        grid.addColumn(i -> i.deleted() ? i.name() + " (deleted)" : i.name()).setHeader("Name").setSortProperty("name")
                .setWidth("16rem").setFlexGrow(1).setKey("name");
        grid.addColumn(ItemRow::barcode).setHeader("Barcode").setSortProperty("barcode").setAutoWidth(true).setKey("barcode");
        grid.addColumn(i -> Formats.money(i.priceCents())).setHeader("Price").setSortProperty("priceCents")
                .setAutoWidth(true).setKey("price");
        grid.addColumn(ItemRow::categoryName).setHeader("Category").setAutoWidth(true);
        grid.addColumn(ItemRow::taxRateName).setHeader("Tax").setAutoWidth(true);
        grid.addColumn(ItemRow::unit).setHeader("Unit").setAutoWidth(true);
        grid.addColumn(i -> i.active() ? "" : "inactive").setHeader("Active").setAutoWidth(true);
        grid.addColumn(i -> i.lastModifiedShopId() == null ? "head office"
                        : i.lastModifiedShopName() == null ? i.lastModifiedShopId().toString() : i.lastModifiedShopName())
                .setHeader("Last changed by").setAutoWidth(true).setKey("lastModifiedBy");
        grid.addColumn(ItemRow::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(ItemRow::lastModifiedAt).setHeader("Changed (HLC)").setSortProperty("lastModifiedAt")
                .setWidth("14rem").setFlexGrow(0);
        grid.setItems(query -> catalog.page(filter(), query.getSortOrders().stream()
                                .map(o -> new ItemSort(o.getSorted(), o.getDirection() == SortDirection.DESCENDING))
                                .toList(), query.getOffset(), query.getLimit()).stream(),
                query -> catalog.count(filter()));
        grid.addItemClickListener(e -> {
            if (!e.getItem().deleted()) {
                openEditor(e.getItem());
            }
        });
    }

    private void openEditor(ItemRow item) {
        new ItemDialog(catalog, categories.list(false), taxRates.list(false), item, this::refresh).open();
    }

    private ItemFilter filter() {
        return new ItemFilter(text.getValue(), category.getValue() == null ? null : category.getValue().id(),
                showDeleted.getValue());
    }

    void reloadReferences() {
        List<CategoryRow> all = categories.list(false);
        CategoryRow selected = category.getValue();
        category.setItems(all);
        if (selected != null) {
            all.stream().filter(c -> c.id().equals(selected.id())).findFirst().ifPresent(category::setValue);
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(Formats.count((long) catalog.count(filter())) + " items");
    }
}
