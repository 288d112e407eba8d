package com.lightningpos.pos.catalog;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.ITEM_SEARCH_DOCS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;
import static com.lightningpos.db.shop.Tables.TAX_RATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.db.shop.tables.records.ItemsRecord;
import com.lightningpos.db.shop.tables.records.SyncChangesRecord;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.pos.PosServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class CatalogTest extends PosServerTest {

    @Test
    void the_standalone_demo_till_starts_with_a_small_catalog_of_valid_barcodes() {
        List<ItemsRecord> demo = dsl.selectFrom(ITEMS).where(ITEMS.SKU.in("BAK-001", "DEL-001", "HOU-002")).fetch();

        assertThat(demo).hasSize(3);
        assertThat(dsl.fetchCount(CATEGORIES)).isEqualTo(2);
        assertThat(dsl.selectFrom(TAX_RATES).where(TAX_RATES.RATE_BP.eq(2000).and(TAX_RATES.INCLUSIVE.isTrue())).fetch()).isNotEmpty();
        assertThat(dsl.selectFrom(TAX_RATES).where(TAX_RATES.RATE_BP.eq(550).and(TAX_RATES.INCLUSIVE.isFalse())).fetch()).isNotEmpty();
        List<ItemsRecord> seeded = dsl.selectFrom(ITEMS).where(ITEMS.SKU.like("___-___")).fetch();
        assertThat(seeded).hasSizeGreaterThanOrEqualTo(12);
        assertThat(seeded).filteredOn(i -> i.getUnit().equals("each"))
                .allSatisfy(i -> assertThat(Ean13.isValid(i.getBarcode())).as(i.getBarcode()).isTrue());
        assertThat(seeded).filteredOn(i -> i.getUnit().equals("kg"))
                .singleElement().satisfies(i -> assertThat(i.getBarcode()).hasSize(7).startsWith("21"));
    }

    @Test
    void search_matches_name_anywhere_and_sku_or_barcode_by_prefix_with_paging() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            items.create(new ItemRequest("ZZ" + tag + i, "99" + tag.hashCode() + i, "Organic " + tag + " honey " + i,
                    500L, null, null, null, null));
        }

        JsonNode byName = search(tag.toUpperCase() + " HONEY", 2, 2);
        JsonNode bySku = search("ZZ" + tag, 20, 0);
        JsonNode byBarcode = search("99" + tag.hashCode() + "3", 20, 0);

        assertThat(byName.get("total").asInt()).isEqualTo(5);
        assertThat(byName.get("items")).hasSize(2);
        assertThat(byName.get("items").get(0).get("name").asText()).isEqualTo("Organic " + tag + " honey 2");
        assertThat(bySku.get("total").asInt()).isEqualTo(5);
        assertThat(byBarcode.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void search_finds_a_name_anywhere_ignoring_case_and_accents_but_sku_and_barcode_only_by_prefix() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Item creme = items.create(new ItemRequest("Qa" + tag, "77" + tag.hashCode(), "Crème brûlée " + tag,
                450L, null, null, null, null));

        assertThat(ids(search("CREME BRU", 200, 0))).contains(creme.id());
        assertThat(ids(search("rûlée " + tag, 20, 0))).containsExactly(creme.id());
        assertThat(ids(search("qA" + tag.substring(0, 4), 20, 0))).as("SKU prefix, any case").containsExactly(creme.id());
        assertThat(ids(search("77" + tag.hashCode(), 20, 0))).as("barcode prefix").containsExactly(creme.id());
        assertThat(ids(search(tag.substring(2), 20, 0))).as("name infix").containsExactly(creme.id());
        assertThat(ids(search(String.valueOf(tag.hashCode()), 20, 0))).as("barcode infix is not a match").isEmpty();
    }

    @Test
    void one_or_two_characters_match_names_by_prefix() throws Exception {
        Item starts = items.create(new ItemRequest("ΩA-" + UUID.randomUUID(), null, "Ωq pastry", 300L, null, null, null, null));
        Item contains = items.create(new ItemRequest("ΩB-" + UUID.randomUUID(), null, "Pastry Ωq", 300L, null, null, null, null));

        List<String> found = ids(search("ΩQ", 200, 0));

        assertThat(found).contains(starts.id()).doesNotContain(contains.id());
    }

    @Test
    void the_search_index_follows_edits_deactivation_deletion_and_rows_from_the_hub() throws Exception {
        String tag = "Idx" + UUID.randomUUID().toString().substring(0, 8);
        Item item = items.create(new ItemRequest("IDX-" + tag, null, "Plain " + tag + " yoghurt", 199L, null, null, null, null));
        assertThat(ids(search(tag + " yog", 20, 0))).containsExactly(item.id());

        mvc.perform(put("/api/items/" + item.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Greek " + tag + " yoghurt\"}")).andReturn();
        assertThat(ids(search("plain " + tag, 20, 0))).isEmpty();
        assertThat(ids(search("greek " + tag, 20, 0))).containsExactly(item.id());

        mvc.perform(put("/api/items/" + item.id()).contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}")).andReturn();
        assertThat(ids(search("greek " + tag, 20, 0))).isEmpty();

        String fromHub = UUID.randomUUID().toString();
        dsl.transaction(c -> {
            c.dsl().update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, true).execute();
            c.dsl().insertInto(ITEMS).set(ITEMS.ID, fromHub).set(ITEMS.SKU, "HUB-" + tag).set(ITEMS.NAME, "Hub " + tag + " kefir")
                    .set(ITEMS.PRICE_CENTS, 250L).set(ITEMS.LAST_MODIFIED_AT, new Hlc(System.currentTimeMillis(), 0, "hub").encode())
                    .execute();
            c.dsl().update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, false).execute();
        });
        assertThat(ids(search(tag + " kef", 20, 0))).containsExactly(fromHub);

        dsl.transaction(c -> {
            c.dsl().update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, true).execute();
            c.dsl().update(ITEMS).set(ITEMS.NAME, "Hub " + tag + " ayran").where(ITEMS.ID.eq(fromHub)).execute();
            c.dsl().update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, false).execute();
        });
        assertThat(ids(search(tag + " kef", 20, 0))).isEmpty();
        assertThat(ids(search(tag + " ayr", 20, 0))).containsExactly(fromHub);

        dsl.deleteFrom(ITEMS).where(ITEMS.ID.eq(fromHub)).execute();
        assertThat(ids(search(tag + " ayr", 20, 0))).isEmpty();
        assertThat(dsl.fetchCount(ITEM_SEARCH_DOCS, ITEM_SEARCH_DOCS.ITEM_ID.in(item.id(), fromHub))).isZero();
    }

    @Test
    void the_total_is_exact_up_to_the_cap_and_then_says_it_is_capped() throws Exception {
        String tag = "Cap" + UUID.randomUUID().toString().substring(0, 8);
        String hlc = new Hlc(System.currentTimeMillis(), 0, "test").encode();
        dsl.transaction(c -> {
            for (int i = 0; i <= CatalogQueries.TOTAL_CAP; i++) {
                c.dsl().insertInto(ITEMS).set(ITEMS.ID, UUID.randomUUID().toString()).set(ITEMS.SKU, tag + "-" + i)
                        .set(ITEMS.NAME, "Bulk " + i).set(ITEMS.PRICE_CENTS, 100L).set(ITEMS.LAST_MODIFIED_AT, hlc).execute();
            }
        });

        JsonNode capped = search(tag, 5, 0);
        JsonNode exact = search(tag + "-100", 5, 0);

        assertThat(capped.get("total").asInt()).isEqualTo(CatalogQueries.TOTAL_CAP);
        assertThat(capped.get("totalCapped").asBoolean()).isTrue();
        assertThat(capped.get("items")).hasSize(5);
        assertThat(exact.get("total").asInt()).as("%s-100 and %s-1000", tag, tag).isEqualTo(2);
        assertThat(exact.get("totalCapped").asBoolean()).isFalse();
    }

    @Test
    void a_shop_side_edit_is_stamped_with_a_newer_hlc_this_shop_and_the_next_version_and_enters_the_outbox()
            throws Exception {
        MvcResult created = postJson("/api/items", Map.of("sku", "NEW-" + UUID.randomUUID(), "name", "Olive oil",
                "priceCents", 899));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode item = body(created);
        String id = item.get("id").asText();
        assertThat(item.get("unit").asText()).isEqualTo("each");
        assertThat(item.get("taxRateId").isNull()).isTrue();
        assertThat(item.get("version").asInt()).isEqualTo(1);

        MvcResult edited = mvc.perform(put("/api/items/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"priceCents\":949}")).andReturn();

        JsonNode after = body(edited);
        assertThat(edited.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.get("priceCents").asLong()).isEqualTo(949);
        assertThat(after.get("name").asText()).isEqualTo("Olive oil");
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("lastModifiedShopId").asText()).isEqualTo(shopId());
        assertThat(Hlc.parse(after.get("lastModifiedAt").asText()))
                .isGreaterThan(Hlc.parse(item.get("lastModifiedAt").asText()));
        assertThat(Hlc.parse(after.get("lastModifiedAt").asText()).nodeId()).isEqualTo(shopId());
        ItemsRecord row = dsl.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchSingle();
        assertThat(row.getOriginShopId()).isEqualTo(shopId());
        List<SyncChangesRecord> outbox = dsl.selectFrom(SYNC_CHANGES).where(SYNC_CHANGES.RECORD_ID.eq(id))
                .orderBy(SYNC_CHANGES.SEQ).fetch();
        assertThat(outbox).extracting(SyncChangesRecord::getOp).containsExactly("INSERT", "UPDATE");
        assertThat(outbox.get(1).getHlc()).isEqualTo(after.get("lastModifiedAt").asText());
        assertThat(outbox).allSatisfy(r -> assertThat(r.getShopId()).isEqualTo(shopId()));
    }

    @Test
    void an_item_needs_sku_name_and_price_and_a_barcode_belongs_to_one_item() throws Exception {
        MvcResult noPrice = postJson("/api/items", Map.of("sku", "X-1", "name", "No price"));
        assertThat(noPrice.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noPrice).get("code").asText()).isEqualTo("validation_failed");

        String code = Ean13.withCheckDigit("40000000" + (1000 + (int) (Math.random() * 8999)));
        item("First", 100, null, "each", code);
        MvcResult taken = postJson("/api/items", Map.of("sku", "X-2", "name", "Second", "priceCents", 100, "barcode", code));
        assertThat(taken.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(taken).get("code").asText()).isEqualTo("barcode_taken");
    }

    @Test
    void scanning_an_exact_barcode_finds_the_item() throws Exception {
        String code = Ean13.withCheckDigit("50000000" + (1000 + (int) (Math.random() * 8999)));
        Item soap = item("Soap", 250, null, "each", code);

        JsonNode scan = scan(code);

        assertThat(scan.get("item").get("id").asText()).isEqualTo(soap.id());
        assertThat(scan.get("embedded").asText()).isEqualTo("none");
        assertThat(scan.get("quantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(scan.get("unitPriceCents").isNull()).isTrue();
    }

    @Test
    void an_in_store_label_with_a_price_names_the_item_by_its_seven_digit_prefix() throws Exception {
        String prefix = "22" + (10000 + (int) (Math.random() * 89999));
        Item cake = item("Cake slice", 0, null, "each", prefix);
        String label = Ean13.withCheckDigit(prefix + "01234");

        JsonNode scan = scan(label);

        assertThat(scan.get("item").get("id").asText()).isEqualTo(cake.id());
        assertThat(scan.get("embedded").asText()).isEqualTo("price");
        assertThat(scan.get("unitPriceCents").asLong()).isEqualTo(1234);
        JsonNode sale = sell(order(newId(), List.of(Map.of("barcode", label, "quantity", 1)), List.of(pay("card", 1234))));
        assertThat(sale.get("totalCents").asLong()).isEqualTo(1234);
        assertThat(sale.get("lines").get(0).get("priceOverridden").asBoolean()).isFalse();
    }

    @Test
    void an_in_store_label_with_a_weight_matches_an_item_stored_with_the_full_zero_value_code() throws Exception {
        String prefix = "23" + (10000 + (int) (Math.random() * 89999));
        Item cheese = item("Gouda", 1299, null, "kg", Ean13.labelTemplate(prefix));
        String label = Ean13.withCheckDigit(prefix + "00532");

        JsonNode scan = scan(label);

        assertThat(scan.get("item").get("id").asText()).isEqualTo(cheese.id());
        assertThat(scan.get("embedded").asText()).isEqualTo("weight");
        assertThat(scan.get("quantity").decimalValue()).isEqualByComparingTo("0.532");
        // The UI sends the label with the weight it was shown as quantity; the label is what counts.
        JsonNode sale = sell(order(newId(), List.of(Map.of("barcode", label, "quantity", 0.532)), List.of(pay("card", 691))));
        assertThat(sale.get("totalCents").asLong()).isEqualTo(691); // 0.532 kg × 12.99 = 6.91068
        assertThat(sale.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("0.532");
    }

    @Test
    void an_unknown_code_or_a_label_with_a_wrong_check_digit_is_unknown_item() throws Exception {
        String prefix = "24" + (10000 + (int) (Math.random() * 89999));
        item("Ham", 1999, null, "kg", prefix);
        String label = Ean13.withCheckDigit(prefix + "00250");
        String wrongCheck = label.substring(0, 12) + ((label.charAt(12) - '0' + 1) % 10);

        for (String code : List.of("1234567", wrongCheck)) {
            MvcResult result = mvc.perform(get("/api/scan/" + code)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(404);
            assertThat(body(result).get("code").asText()).isEqualTo("unknown_item");
        }
    }

    private JsonNode search(String q, int limit, int offset) throws Exception {
        return body(mvc.perform(get("/api/items").param("q", q).param("limit", String.valueOf(limit))
                .param("offset", String.valueOf(offset))).andReturn());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private JsonNode scan(String code) throws Exception {
        MvcResult result = mvc.perform(get("/api/scan/" + code)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return body(result);
    }
}
