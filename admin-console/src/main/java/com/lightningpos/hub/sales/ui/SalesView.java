package com.lightningpos.hub.sales.ui;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.sales.SalesDay;
import com.lightningpos.hub.sales.SalesFilter;
import com.lightningpos.hub.sales.SalesReportService;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.shops.ShopName;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Formats;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Sales across shops by day and shop, with a CSV download of the same report. */
@Route("sales")
@PageTitle("Sales · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class SalesView extends VerticalLayout {

    private final SalesReportService sales;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<ShopName> shop = new ComboBox<>("Shop");
    private final Grid<SalesDay> grid = new Grid<>();
    private final Span totals = new Span();
    private final Anchor csv = new Anchor();

    public SalesView(SalesReportService sales, ShopService shops) {
        this.sales = sales;
        setSizeFull();
        LocalDate today = LocalDate.now(sales.zone());
        from.setId("sales-from");
        from.setValue(today.minusDays(6));
        to.setId("sales-to");
        to.setValue(today);
        shop.setId("sales-shop");
        shop.setItems(shops.names());
        shop.setItemLabelGenerator(ShopName::name);
        shop.setClearButtonVisible(true);
        shop.setPlaceholder("All shops");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        shop.addValueChangeListener(e -> refresh());
        csv.setId("sales-csv");
        csv.setText("Download CSV");
        totals.setId("sales-totals");
        FlexLayout filters = new FlexLayout(from, to, shop, csv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("sales-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(SalesDay::day).setHeader("Day").setAutoWidth(true);
        grid.addColumn(SalesDay::shopName).setHeader("Shop").setFlexGrow(2);
        grid.addColumn(SalesDay::orders).setHeader("Orders").setAutoWidth(true);
        grid.addColumn(d -> Formats.money(d.salesCents())).setHeader("Sales").setAutoWidth(true);
        grid.addColumn(SalesDay::refunds).setHeader("Refunds").setAutoWidth(true);
        grid.addColumn(d -> Formats.money(d.refundCents())).setHeader("Refunded").setAutoWidth(true);
        grid.addColumn(d -> Formats.money(d.netCents())).setHeader("Net").setAutoWidth(true);
        add(new H3("Sales (days in " + sales.zone().getId() + ")"), filters, totals, grid);
        refresh();
    }

    private void refresh() {
        SalesFilter filter;
        try {
            filter = new SalesFilter(from.getValue(), to.getValue(), shop.getValue() == null ? null : shop.getValue().id());
        } catch (ProblemException e) {
            grid.setItems(List.of());
            totals.setText(e.getMessage());
            csv.setEnabled(false);
            return;
        }
        List<SalesDay> days = sales.byDayAndShop(filter);
        grid.setItems(days);
        long orders = days.stream().mapToLong(SalesDay::orders).sum();
        long net = days.stream().mapToLong(SalesDay::netCents).sum();
        totals.setText(orders + " orders, net " + Formats.money(net));
        csv.setEnabled(true);
        // the download is generated when clicked, for the filter shown now
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            StringWriter out = new StringWriter();
            sales.writeCsv(filter, out);
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "sales-" + filter.from() + "-" + filter.to() + ".csv",
                    "text/csv", bytes.length);
        }));
    }
}
