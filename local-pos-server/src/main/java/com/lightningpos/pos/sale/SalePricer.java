package com.lightningpos.pos.sale;

import com.lightningpos.pos.catalog.CatalogQueries;
import com.lightningpos.pos.catalog.Item;
import com.lightningpos.pos.catalog.ScanResult;
import com.lightningpos.pos.catalog.ScanService;
import com.lightningpos.pos.web.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Prices a sale's lines from the catalog as the sale transaction sees it. Per line: gross =
 * quantity × unit price; minus the line discount and the line's share of the order discount (spread
 * by largest remainder, so the shares add up to the order discount exactly); tax is contained in
 * the net (inclusive rates) or added to it (exclusive rates), rounded per line.
 */
@Component
class SalePricer {

    private static final long BP = 10_000;

    private final CatalogQueries catalog;
    private final ScanService scans;
    private final ManagerPin managerPin;

    SalePricer(CatalogQueries catalog, ScanService scans, ManagerPin managerPin) {
        this.catalog = catalog;
        this.scans = scans;
        this.managerPin = managerPin;
    }

    /** A resolved line before discounts and tax. */
    private record Gross(Item item, String barcode, long quantityMilli, long unitPriceCents, boolean overridden,
            long grossCents, long lineDiscountCents) {
    }

    List<NewLine> price(DSLContext tx, OrderRequest request) {
        if (request.lines() == null || request.lines().isEmpty()) {
            throw ApiException.badRequest("empty_order", "An order needs at least one line.");
        }
        List<Gross> gross = new ArrayList<>();
        for (OrderRequest.Line line : request.lines()) {
            gross.add(resolve(tx, line, request.managerPin()));
        }
        long[] afterLineDiscounts = gross.stream().mapToLong(g -> g.grossCents() - g.lineDiscountCents()).toArray();
        long orderDiscount = nonNegativeDiscount(request.discountCents());
        long discountable = 0;
        for (long a : afterLineDiscounts) {
            discountable += a;
        }
        if (orderDiscount > discountable) {
            throw ApiException.badRequest("invalid_discount", "The order discount of " + Money.format(orderDiscount)
                    + " is more than the " + Money.format(discountable) + " it applies to.");
        }
        long[] shares = Money.allocate(orderDiscount, afterLineDiscounts);
        List<NewLine> lines = new ArrayList<>();
        for (int i = 0; i < gross.size(); i++) {
            lines.add(taxed(gross.get(i), afterLineDiscounts[i] - shares[i], gross.get(i).lineDiscountCents() + shares[i]));
        }
        return lines;
    }

    private Gross resolve(DSLContext tx, OrderRequest.Line line, String pin) {
        if (line == null || (blank(line.itemId()) && blank(line.barcode()))) {
            throw ApiException.badRequest("validation_failed", "Every line needs an itemId or a barcode.");
        }
        long requestedMilli = Quantities.toMilli(line.quantity() == null ? BigDecimal.ONE : line.quantity());
        ScanResult scanned = blank(line.itemId())
                ? scans.resolve(tx, line.barcode()).orElseThrow(
                        () -> ApiException.unprocessable("unknown_item", "No item has the barcode " + line.barcode() + "."))
                : catalog.item(tx, line.itemId()).map(i -> new ScanResult(i, BigDecimal.ONE, null, ScanResult.NONE))
                        .orElseThrow(() -> ApiException.unprocessable("unknown_item", "There is no item " + line.itemId() + "."));
        Item item = scanned.item();
        if (!item.active()) {
            throw ApiException.unprocessable("item_inactive", item.name() + " is no longer sold.");
        }
        // A weight label says how much was weighed; the quantity sent with it is ignored.
        long quantityMilli = ScanResult.WEIGHT.equals(scanned.embedded()) ? scanned.quantityMilli() : requestedMilli;
        if (quantityMilli <= 0) {
            throw ApiException.badRequest("invalid_quantity", "The label of " + item.name() + " shows no weight.");
        }
        long listPrice = scanned.unitPriceCents() != null ? scanned.unitPriceCents() : item.priceCents();
        boolean overridden = line.unitPriceCents() != null && line.unitPriceCents() != listPrice;
        if (overridden) {
            if (line.unitPriceCents() < 0) {
                throw ApiException.badRequest("validation_failed", "A price cannot be negative.");
            }
            if (!managerPin.accepts(pin)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "price_override_not_allowed",
                        "Changing the price of " + item.name() + " needs a valid manager PIN.");
            }
        }
        long unitPrice = overridden ? line.unitPriceCents() : listPrice;
        long grossCents = Money.multiplyDivide(quantityMilli, unitPrice, 1000);
        long lineDiscount = nonNegativeDiscount(line.discountCents());
        if (lineDiscount > grossCents) {
            throw ApiException.badRequest("invalid_discount", "The discount on " + item.name() + " ("
                    + Money.format(lineDiscount) + ") is more than the line's " + Money.format(grossCents) + ".");
        }
        String barcode = blank(line.barcode()) ? item.barcode() : line.barcode().trim();
        return new Gross(item, barcode, quantityMilli, unitPrice, overridden, grossCents, lineDiscount);
    }

    private static NewLine taxed(Gross g, long netCents, long discountCents) {
        Item item = g.item();
        long bp = item.taxRateBp();
        long tax = item.taxInclusive() ? Money.multiplyDivide(netCents, bp, BP + bp) : Money.multiplyDivide(netCents, bp, BP);
        long total = item.taxInclusive() ? netCents : netCents + tax;
        return new NewLine(item.id(), item.sku(), g.barcode(), item.name(), g.unitPriceCents(), g.quantityMilli(),
                item.taxRateId(), item.taxRateBp(), item.taxInclusive(), g.overridden(), g.grossCents(), discountCents,
                tax, total, null);
    }

    private static long nonNegativeDiscount(Long cents) {
        if (cents != null && cents < 0) {
            throw ApiException.badRequest("invalid_discount", "A discount cannot be negative.");
        }
        return cents == null ? 0 : cents;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
