package com.lightningpos.pos;

import static com.lightningpos.db.shop.Tables.RECEIPT_COUNTERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_PAYMENTS;
import static com.lightningpos.db.shop.Tables.STOCK_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.TAX_RATES;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.pos.catalog.Item;
import com.lightningpos.pos.catalog.ItemEditor;
import com.lightningpos.pos.catalog.ItemRequest;
import com.lightningpos.pos.shop.ShopIdentityService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Base of the server's integration tests: one Spring context (so one start-up) over a real SQLite
 * file in a temporary directory, shared by every subclass. Tests therefore compare counts before
 * and after instead of assuming an empty database. Cash rounds to 5 cents; the manager PIN is 4321.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PosServerTest {

    protected static final String PIN = "4321";
    private static final Path DATA_DIR = tempDir();
    private static final Map<String, String> TAX_RATE_IDS = new HashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected DSLContext dsl;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected ItemEditor items;
    @Autowired
    protected ShopIdentityService identity;

    @DynamicPropertySource
    static void tillSettings(DynamicPropertyRegistry registry) {
        registry.add("pos.data-dir", DATA_DIR::toString);
        registry.add("pos.demo-data", () -> "true");
        registry.add("pos.manager-pin", () -> PIN);
        registry.add("pos.cash-rounding-cents", () -> "5");
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("pos-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String shopId() {
        return identity.current().shopId();
    }

    /** A tax rate of the test catalog, made once per rate and kind. */
    protected synchronized String taxRate(int rateBp, boolean inclusive) {
        return TAX_RATE_IDS.computeIfAbsent(rateBp + "/" + inclusive, key -> {
            String id = UUID.randomUUID().toString();
            dsl.insertInto(TAX_RATES).set(TAX_RATES.ID, id).set(TAX_RATES.NAME, "Test " + key)
                    .set(TAX_RATES.RATE_BP, rateBp).set(TAX_RATES.INCLUSIVE, inclusive)
                    .set(TAX_RATES.LAST_MODIFIED_AT, "000000000000000-000000-test").execute();
            return id;
        });
    }

    /** A new item with a unique SKU, created through the shop's own catalog service. */
    protected Item item(String name, long priceCents, String taxRateId) {
        return item(name, priceCents, taxRateId, "each", null);
    }

    protected Item item(String name, long priceCents, String taxRateId, String unit, String barcode) {
        return items.create(new ItemRequest("T-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8),
                barcode, name, priceCents, null, taxRateId, unit, null));
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- request bodies

    protected static Map<String, Object> line(Item item, Object quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemId", item.id());
        line.put("quantity", quantity);
        return line;
    }

    protected static Map<String, Object> line(Item item, Object quantity, long discountCents) {
        Map<String, Object> line = line(item, quantity);
        line.put("discountCents", discountCents);
        return line;
    }

    protected static Map<String, Object> pay(String method, long amountCents) {
        return Map.of("method", method, "amountCents", amountCents);
    }

    protected static Map<String, Object> order(String id, List<Map<String, Object>> lines,
            List<Map<String, Object>> payments) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("lines", lines);
        order.put("payments", payments);
        order.put("cashier", "anna");
        return order;
    }

    protected static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    // ---------------------------------------------------------------- calls

    protected MvcResult postJson(String path, Object body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn();
    }

    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** Posts a sale that must succeed and answers the recorded order. */
    protected JsonNode sell(Map<String, Object> order) throws Exception {
        MvcResult result = postJson("/api/orders", order);
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("Sale refused: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return body(result);
    }

    // ---------------------------------------------------------------- what is in the database

    /** Row counts of every table a sale writes, and the receipt counter: equal snapshots = nothing written. */
    protected record Footprint(int orders, int lines, int payments, int stockMovements, int outbox, long receiptCounter) {
    }

    protected Footprint footprint() {
        Long counter = dsl.select(RECEIPT_COUNTERS.LAST_NO).from(RECEIPT_COUNTERS)
                .where(RECEIPT_COUNTERS.SHOP_ID.eq(shopId())).fetchOne(RECEIPT_COUNTERS.LAST_NO);
        return new Footprint(dsl.fetchCount(SALES_ORDERS), dsl.fetchCount(SALES_ORDER_ITEMS),
                dsl.fetchCount(SALES_ORDER_PAYMENTS), dsl.fetchCount(STOCK_MOVEMENTS), dsl.fetchCount(SYNC_CHANGES),
                counter == null ? 0 : counter);
    }

    protected static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asLong()));
        return values;
    }
}
