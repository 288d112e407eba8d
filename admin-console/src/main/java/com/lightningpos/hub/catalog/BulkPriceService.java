package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.ITEMS;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.audit.AuditLog;
import com.lightningpos.hub.audit.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Changes the prices of every item a filter covers, in ONE transaction: either all of them get
 * their new price (each as its own catalog change, so shops receive them like single edits) or
 * none does. The number of items per change is capped so that one click cannot hold locks on the
 * whole catalog for minutes.
 */
@Service
public class BulkPriceService {

    private final DSLContext db;
    private final HubCatalog catalog;
    private final AuditLog audit;
    private final int maxItems;

    public BulkPriceService(DSLContext db, HubCatalog catalog, AuditLog audit,
                            @Value("${hub.catalog.bulk-max-items:20000}") int maxItems) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.maxItems = maxItems;
    }

    /** What a change would do: how many items it covers and a few examples. */
    public record Preview(int items, List<Example> examples) {
    }

    public record Example(UUID id, String sku, String name, long oldPriceCents, long newPriceCents) {
    }

    /** What a change did. */
    public record Result(int matched, int changed) {
    }

    public Preview preview(ItemFilter filter, PriceChange change) {
        ItemFilter live = liveOnly(filter);
        int count = db.fetchCount(ITEMS, ItemSearch.condition(live));
        List<Example> examples = db.select(ITEMS.ID, ITEMS.SKU, ITEMS.NAME, ITEMS.PRICE_CENTS)
                .from(ITEMS)
                .where(ItemSearch.condition(live))
                .orderBy(ITEMS.NAME, ITEMS.ID)
                .limit(5)
                .fetch(r -> new Example(r.value1(), r.value2(), r.value3(), r.value4(), change.apply(r.value4())));
        return new Preview(count, examples);
    }

    @PreAuthorize("hasRole('HEAD_OFFICE')")
    public Result apply(ItemFilter filter, PriceChange change) {
        ItemFilter live = liveOnly(filter);
        String user = CurrentUser.name();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var items = tx.select(ITEMS.ID, ITEMS.PRICE_CENTS)
                    .from(ITEMS)
                    .where(ItemSearch.condition(live))
                    .orderBy(ITEMS.ID) // a fixed lock order, so two bulk changes cannot deadlock
                    .limit(maxItems + 1)
                    .forUpdate()
                    .fetch();
            if (items.size() > maxItems) {
                throw ProblemException.validation("A bulk change covers at most " + maxItems
                        + " items; narrow the filter");
            }
            int changed = 0;
            for (var item : items) {
                long newPrice = change.apply(item.value2());
                if (newPrice != item.value2()) {
                    catalog.saveFromHub(tx, SyncedTable.ITEMS, item.value1(), Map.of("price_cents", newPrice), user);
                    changed++;
                }
            }
            audit.record(tx, user, "items.bulk_price", describe(live),
                    change + " on " + items.size() + " items, " + changed + " changed");
            return new Result(items.size(), changed);
        });
    }

    private static ItemFilter liveOnly(ItemFilter filter) {
        return new ItemFilter(filter.text(), filter.categoryId(), false); // tombstones keep their last price
    }

    private static String describe(ItemFilter filter) {
        String text = filter.text() == null || filter.text().isBlank() ? "all items" : "items matching '" + filter.text() + "'";
        return filter.categoryId() == null ? text : text + " in category " + filter.categoryId();
    }
}
