package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.AUDIT_LOG;
import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.CATALOG_PROPOSALS;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SHOP_JOINS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.hub.tables.records.CatalogProposalsRecord;
import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.db.hub.tables.records.SyncConflictsRecord;
import com.lightningpos.etl.catalog.CatalogNormaliser;
import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.hub.security.Secrets;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's side of a standalone till joining: catalog matching over HTTP, proposals decided through
 * the admin API, join progress, the verified/undone reports, and a lost enrolment answer retried.
 */
class JoinApiTest extends SyncApiTestBase {

    private static final String ADMIN_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

    Shop shop;
    String token;

    @BeforeEach
    void joiningShop() throws Exception {
        shop = newShop(true);
        token = token(shop);
    }

    @Test
    void items_match_by_barcode_with_whitespace_by_corrected_check_digit_and_by_sku_and_the_rest_are_proposed()
            throws Exception {
        String apple = ean13();
        String bread = ean13();
        ItemsRecord hubApple = hubItem("APL-" + suffix(), apple, "Apple", 250);
        ItemsRecord hubBread = hubItem("BRD-" + suffix(), bread, "Bread", 300);
        String cheeseSku = "Chz-" + suffix() + " Big";
        ItemsRecord hubCheese = hubItem(cheeseSku, null, "Cheese", 900);
        String twice = ean13();

        List<JoinCatalogRequest.Item> items = List.of(
                till("x1", " " + apple.substring(0, 7) + " " + apple.substring(7) + " ", "Apple", 250),
                till("x2", wrongCheckDigit(bread), "Bread  loaf", 320),
                new JoinCatalogRequest.Item(UUID.randomUUID().toString(), "  " + cheeseSku.toLowerCase().replace(" ", "   "),
                        null, "Cheese", 900L, "each", null, null),
                till("x4", ean13(), "Till-only jam", 410),
                till("x5", twice, "Twin A", 100),
                till("x6", twice.substring(0, 6) + "-" + twice.substring(6), "Twin B", 100),
                new JoinCatalogRequest.Item(UUID.randomUUID().toString(), "   ", null, "No SKU", 50L, "each", null, null));

        HttpResponse<String> response = join(new JoinCatalogRequest(1234, items));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JoinCatalogResponse.ItemOutcome> answer = SyncJson.read(response.body().getBytes(), JoinCatalogResponse.class).items();
        assertThat(answer).extracting(JoinCatalogResponse.ItemOutcome::localId)
                .containsExactlyElementsOf(items.stream().map(JoinCatalogRequest.Item::id).toList());
        assertThat(answer).extracting(JoinCatalogResponse.ItemOutcome::outcome)
                .containsExactly("matched", "matched", "matched", "proposed", "problem", "problem", "problem");

        assertThat(answer.get(0).hubItemId()).isEqualTo(hubApple.getId().toString());
        assertThat(answer.get(0).notes()).contains(CatalogNormaliser.BARCODE_WHITESPACE_REMOVED);
        assertThat(answer.get(0).hubItem()).containsEntry("barcode", apple).containsEntry("price_cents", 250)
                .containsKeys("id", "sku", "name", "last_modified_at", "version", "deleted");
        assertThat(answer.get(1).hubItemId()).isEqualTo(hubBread.getId().toString());
        assertThat(answer.get(1).notes()).contains(CatalogNormaliser.BARCODE_CHECK_DIGIT_CORRECTED);
        assertThat(answer.get(2).hubItemId()).isEqualTo(hubCheese.getId().toString());
        assertThat(answer.get(2).notes()).contains("matched_by_sku", CatalogNormaliser.SKU_WHITESPACE_NORMALISED);
        assertThat(answer.get(3).hubItem()).isNull();
        assertThat(answer.get(3).notes()).contains("no_matching_hub_item");
        assertThat(answer.get(4).notes()).contains("barcode_duplicated_in_till");
        assertThat(answer.get(5).notes()).contains("barcode_duplicated_in_till", CatalogNormaliser.BARCODE_DASHES_REMOVED);
        assertThat(answer.get(6).notes()).contains("sku_blank");

        // Bread: price and name differ → exactly one conflict, hub wins, the till's values under the hub id
        List<SyncConflictsRecord> conflicts = db.selectFrom(SYNC_CONFLICTS)
                .where(SYNC_CONFLICTS.SHOP_ID.eq(shopId())).fetch();
        assertThat(conflicts).hasSize(1);
        SyncConflictsRecord conflict = conflicts.get(0);
        assertThat(conflict.getRule()).isEqualTo("join_catalog_match");
        assertThat(conflict.getWinner()).isEqualTo("hub");
        assertThat(conflict.getStatus()).isEqualTo("open");
        assertThat(conflict.getRecordId()).isEqualTo(hubBread.getId());
        Map<?, ?> tillVersion = SyncJson.mapper().readValue(conflict.getShopVersion().data(), Map.class);
        assertThat(tillVersion.get("id")).isEqualTo(hubBread.getId().toString());
        assertThat(tillVersion.get("price_cents")).isEqualTo(320);
        assertThat(tillVersion.get("name")).isEqualTo("Bread loaf");
        assertThat(tillVersion.get("barcode")).as("the hub's barcode, not the mistyped one").isEqualTo(bread);
        assertThat(tillVersion.get("sku")).isEqualTo(hubBread.getSku());
        assertThat(SyncJson.mapper().readValue(conflict.getHubVersion().data(), Map.class).get("price_cents")).isEqualTo(300);
        assertThat(db.fetchValue(ITEMS.PRICE_CENTS, ITEMS.ID.eq(hubBread.getId()))).isEqualTo(300L); // hub row untouched

        // proposals: the unmatched item and the three problems, under the till's ids, with notes
        List<CatalogProposalsRecord> proposals = db.selectFrom(CATALOG_PROPOSALS)
                .where(CATALOG_PROPOSALS.SHOP_ID.eq(shopId())).fetch();
        assertThat(proposals).extracting(CatalogProposalsRecord::getItemId).containsExactlyInAnyOrder(
                UUID.fromString(items.get(3).id()), UUID.fromString(items.get(4).id()),
                UUID.fromString(items.get(5).id()), UUID.fromString(items.get(6).id()));
        assertThat(proposals).allMatch(p -> p.getStatus().equals("open"));

        var join = db.selectFrom(SHOP_JOINS).where(SHOP_JOINS.SHOP_ID.eq(shopId())).fetchOne();
        assertThat(join.getHistoryChanges()).isEqualTo(1234L);
        assertThat(join.getItemsSent()).isEqualTo(7);
        assertThat(join.getMatched()).isEqualTo(3);
        assertThat(join.getProposed()).isEqualTo(1);
        assertThat(join.getProblems()).isEqualTo(3);
    }

    @Test
    void a_resent_request_after_the_till_applied_the_answer_keeps_the_hub_item_with_the_till_item_that_holds_its_id()
            throws Exception {
        // First request: the till's A (barcode) and B (same SKU, no barcode) both point at one hub item;
        // A got it, B was a problem. The till applied that (A is now the hub row under the hub's id),
        // crashed before noting it, and sends its catalog again, B sorting first by id.
        String barcode = ean13();
        String sku = "TWO-" + suffix();
        ItemsRecord hub = hubItem(sku, barcode, "Kettle", 2500);
        JoinCatalogRequest.Item b = new JoinCatalogRequest.Item(UUID.randomUUID().toString(), sku.toLowerCase(), null,
                "Kettle (old)", 2500L, "each", null, null);
        JoinCatalogRequest.Item a = new JoinCatalogRequest.Item(hub.getId().toString(), sku, barcode, "Kettle", 2500L, "each",
                null, null);

        HttpResponse<String> response = join(new JoinCatalogRequest(5, List.of(b, a)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JoinCatalogResponse.ItemOutcome> answer = SyncJson.read(response.body().getBytes(), JoinCatalogResponse.class).items();
        assertThat(answer.get(1).outcome()).as("the till's row that already is the hub item").isEqualTo("matched");
        assertThat(answer.get(1).hubItemId()).isEqualTo(hub.getId().toString());
        assertThat(answer.get(0).outcome()).as("B must not be merged into it now").isEqualTo("problem");
        assertThat(answer.get(0).notes()).contains("hub_item_matched_twice");
        assertThat(db.fetchExists(CATALOG_PROPOSALS, CATALOG_PROPOSALS.ITEM_ID.eq(hub.getId())))
                .as("no proposal under a live hub item's id (accepting it would write the till's values over the hub item)").isFalse();
    }

    @Test
    void the_same_request_twice_gives_the_same_answer_and_records_nothing_twice() throws Exception {
        String barcode = ean13();
        hubItem("DUP-" + suffix(), barcode, "Milk", 120);
        JoinCatalogRequest request = new JoinCatalogRequest(10, List.of(
                till("d1", barcode, "Milk", 135), till("d2", ean13(), "Local honey", 700)));

        HttpResponse<String> first = join(request);
        HttpResponse<String> second = join(request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(SyncJson.mapper().readValue(second.body(), Map.class))
                .isEqualTo(SyncJson.mapper().readValue(first.body(), Map.class));
        assertThat(db.fetchCount(SYNC_CONFLICTS, SYNC_CONFLICTS.SHOP_ID.eq(shopId()))).isEqualTo(1);
        assertThat(db.fetchCount(CATALOG_PROPOSALS, CATALOG_PROPOSALS.SHOP_ID.eq(shopId()))).isEqualTo(1);
        assertThat(db.fetchCount(SHOP_JOINS, SHOP_JOINS.SHOP_ID.eq(shopId()))).isEqualTo(1);
    }

    @Test
    void re_applying_a_join_price_conflict_changes_the_hub_price_and_nothing_else() throws Exception {
        String barcode = ean13();
        ItemsRecord hubTea = hubItem("TEA-" + suffix(), barcode, "Tea", 199);
        assertThat(join(new JoinCatalogRequest(0, List.of(till("t1", wrongCheckDigit(barcode), "Tea", 249)))).statusCode())
                .isEqualTo(200);
        long conflictId = db.fetchValue(SYNC_CONFLICTS.ID, SYNC_CONFLICTS.SHOP_ID.eq(shopId())
                .and(SYNC_CONFLICTS.RECORD_ID.eq(hubTea.getId())));

        HttpResponse<String> reapplied = admin("POST", "/api/admin/conflicts/" + conflictId + "/reapply");

        assertThat(reapplied.statusCode()).as(reapplied.body()).isEqualTo(200);
        ItemsRecord after = db.selectFrom(ITEMS).where(ITEMS.ID.eq(hubTea.getId())).fetchSingle();
        assertThat(after.getPriceCents()).isEqualTo(249L);
        assertThat(after.getBarcode()).isEqualTo(barcode);
        assertThat(after.getSku()).isEqualTo(hubTea.getSku());
    }

    @Test
    void a_request_with_an_item_without_a_uuid_is_refused_and_nothing_is_recorded() throws Exception {
        HttpResponse<String> response = join(new JoinCatalogRequest(5, List.of(
                till("ok", ean13(), "Fine", 100),
                new JoinCatalogRequest.Item("not-a-uuid", "S1", null, "Bad", 100L, "each", null, null))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(SyncProtocol.Codes.BAD_ITEM);
        assertThat(db.fetchCount(CATALOG_PROPOSALS, CATALOG_PROPOSALS.SHOP_ID.eq(shopId()))).isZero();
        assertThat(db.fetchCount(SHOP_JOINS, SHOP_JOINS.SHOP_ID.eq(shopId()))).isZero();
    }

    @Test
    void a_request_with_a_nul_character_in_an_item_is_refused_and_nothing_is_recorded() throws Exception {
        // PostgreSQL text and jsonb cannot hold U+0000: the insert would fail with a 500 half-way.
        HttpResponse<String> response = join(new JoinCatalogRequest(5, List.of(
                till("ok", ean13(), "Fine", 100),
                new JoinCatalogRequest.Item(UUID.randomUUID().toString(), "S\u00001", null, "Bad\u0000name", 100L, "each", null, null))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(SyncProtocol.Codes.BAD_ITEM);
        assertThat(db.fetchCount(CATALOG_PROPOSALS, CATALOG_PROPOSALS.SHOP_ID.eq(shopId()))).isZero();
        assertThat(db.fetchCount(SHOP_JOINS, SHOP_JOINS.SHOP_ID.eq(shopId()))).isZero();
    }

    @Test
    void accepting_a_proposal_creates_the_hub_item_under_the_tills_id_and_rejecting_writes_a_tombstone()
            throws Exception {
        JoinCatalogRequest.Item jam = till("j1", ean13(), "Till jam", 410);
        JoinCatalogRequest.Item fudge = till("j2", ean13(), "Till fudge", 275);
        assertThat(join(new JoinCatalogRequest(0, List.of(jam, fudge))).statusCode()).isEqualTo(200);
        long jamProposal = proposalId(jam);
        long fudgeProposal = proposalId(fudge);

        HttpResponse<String> listed = admin("GET", "/api/admin/proposals?status=open&limit=1000");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(jam.id(), fudge.id(), "Till jam", "no_matching_hub_item");

        HttpResponse<String> accepted = admin("POST", "/api/admin/proposals/" + jamProposal + "/accept");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"status\":\"accepted\"");
        ItemsRecord created = db.selectFrom(ITEMS).where(ITEMS.ID.eq(UUID.fromString(jam.id()))).fetchOne();
        assertThat(created).isNotNull();
        assertThat(created.getName()).isEqualTo("Till jam");
        assertThat(created.getPriceCents()).isEqualTo(410L);
        assertThat(created.getBarcode()).isEqualTo(jam.barcode());
        assertThat(created.getDeleted()).isFalse();
        assertThat(db.fetchCount(CATALOG_CHANGES, CATALOG_CHANGES.RECORD_ID.eq(created.getId()),
                CATALOG_CHANGES.TABLE_NAME.eq("items"))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("proposal.accept"), AUDIT_LOG.TARGET.eq(jam.id()))).isEqualTo(1);

        HttpResponse<String> rejected = admin("POST", "/api/admin/proposals/" + fudgeProposal + "/reject");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        ItemsRecord tombstone = db.selectFrom(ITEMS).where(ITEMS.ID.eq(UUID.fromString(fudge.id()))).fetchOne();
        assertThat(tombstone.getDeleted()).isTrue();
        assertThat(tombstone.getBarcode()).isNull();
        var tombstoneChanges = db.fetch(CATALOG_CHANGES, CATALOG_CHANGES.RECORD_ID.eq(tombstone.getId()));
        assertThat(tombstoneChanges).hasSize(1);
        Object deleted = SyncJson.mapper().readValue(tombstoneChanges.get(0).getPayload().data(), Map.class).get("deleted");
        assertThat(String.valueOf(deleted)).isIn("1", "true");
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("proposal.reject"), AUDIT_LOG.TARGET.eq(fudge.id()))).isEqualTo(1);

        // a decided proposal cannot be decided again; an unknown one is not found
        HttpResponse<String> again = admin("POST", "/api/admin/proposals/" + jamProposal + "/reject");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("proposal_decided");
        HttpResponse<String> unknown = admin("POST", "/api/admin/proposals/" + Long.MAX_VALUE + "/accept");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("not_found");

        // the till sending its catalog again now finds its accepted item at the hub, under its own id
        HttpResponse<String> rejoin = join(new JoinCatalogRequest(0, List.of(jam)));
        JoinCatalogResponse.ItemOutcome outcome = SyncJson.read(rejoin.body().getBytes(), JoinCatalogResponse.class).items().get(0);
        assertThat(outcome.outcome()).isEqualTo("matched");
        assertThat(outcome.hubItemId()).isEqualTo(jam.id());
    }

    @Test
    void join_endpoints_refuse_a_missing_token_and_another_shops_token() throws Exception {
        Shop other = newShop(true);
        String otherToken = token(other);
        byte[] body = SyncJson.write(new JoinCatalogRequest(0, List.of()));
        for (String path : List.of(SyncProtocol.joinCatalog(shop.id()), SyncProtocol.joinVerified(shop.id()),
                SyncProtocol.joinUndone(shop.id()))) {
            HttpResponse<String> anonymous = send("POST", path, null, 1, body, Map.of());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            HttpResponse<String> wrongShop = send("POST", path, otherToken, 1, body, Map.of());
            assertThat(wrongShop.statusCode()).as(path).isEqualTo(403);
            assertThat(code(wrongShop)).isEqualTo(SyncProtocol.Codes.SHOP_MISMATCH);
        }
        assertThat(db.fetchCount(SHOP_JOINS, SHOP_JOINS.SHOP_ID.eq(shopId()))).isZero();
    }

    @Test
    void progress_counts_the_history_the_replica_holds_and_verified_ends_the_undo_window() throws Exception {
        HttpResponse<String> early = send("POST", SyncProtocol.joinVerified(shop.id()), token, 1, null, Map.of());
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(code(early)).isEqualTo(SyncProtocol.Codes.JOIN_NOT_STARTED);
        assertThat(join(new JoinCatalogRequest(4, List.of())).statusCode()).isEqualTo(200);

        Map<String, Object> before = progress();
        assertThat(before).containsEntry("state", "uploading").containsEntry("historyChanges", 4)
                .containsEntry("uploaded", 0).containsEntry("remaining", 4);
        assertThat(before.get("etaSeconds")).isNull();

        HttpResponse<String> pushed = send("POST", SyncProtocol.changes(shop.id()), token, 1,
                SyncJson.write(sale(shop.id(), shop.id(), 1)), Map.of());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        Map<String, Object> half = progress();
        assertThat(half).containsEntry("uploaded", 2).containsEntry("remaining", 2);
        assertThat(half.get("etaSeconds")).isNotNull();

        assertThat(send("POST", SyncProtocol.changes(shop.id()), token, 1, SyncJson.write(sale(shop.id(), shop.id(), 3)),
                Map.of()).statusCode()).isEqualTo(200);
        Map<String, Object> all = progress();
        assertThat(all).containsEntry("state", "uploaded").containsEntry("remaining", 0).containsEntry("etaSeconds", 0);

        HttpResponse<String> verified = send("POST", SyncProtocol.joinVerified(shop.id()), token, 1, null, Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"state\":\"verified\"");
        assertThat(send("POST", SyncProtocol.joinVerified(shop.id()), token, 1, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(db.fetchValue(SHOP_JOINS.VERIFIED_AT, SHOP_JOINS.SHOP_ID.eq(shopId()))).isNotNull();
        HttpResponse<String> undo = send("POST", SyncProtocol.joinUndone(shop.id()), token, 1, null, Map.of());
        assertThat(undo.statusCode()).isEqualTo(409);
        assertThat(code(undo)).isEqualTo(SyncProtocol.Codes.JOIN_FINISHED);
        assertThat(admin("GET", "/api/admin/shops/" + shop.id() + "/join").body()).contains("\"state\":\"verified\"");
        assertThat(admin("GET", "/api/admin/shops/" + UUID.randomUUID() + "/join").statusCode()).isEqualTo(404);
    }

    @Test
    void an_undone_join_is_recorded_and_can_no_longer_be_verified() throws Exception {
        assertThat(join(new JoinCatalogRequest(0, List.of())).statusCode()).isEqualTo(200);

        HttpResponse<String> undone = send("POST", SyncProtocol.joinUndone(shop.id()), token, 1, null, Map.of());

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(undone.body()).contains("\"state\":\"undone\"");
        assertThat(db.fetchValue(SHOP_JOINS.UNDONE_AT, SHOP_JOINS.SHOP_ID.eq(shopId()))).isNotNull();
        assertThat(send("POST", SyncProtocol.joinVerified(shop.id()), token, 1, null, Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void head_office_can_mark_a_join_undone_that_the_till_could_not_report() throws Exception {
        assertThat(join(new JoinCatalogRequest(0, List.of())).statusCode()).isEqualTo(200);

        HttpResponse<String> marked = admin("POST", "/api/admin/shops/" + shop.id() + "/join/undone");

        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(marked.body()).contains("\"state\":\"undone\"");
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("join.undone"), AUDIT_LOG.TARGET.eq(shop.id()))).isEqualTo(1);
        // the till's own (late) report agrees; a verification no longer does
        assertThat(send("POST", SyncProtocol.joinUndone(shop.id()), token, 1, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("POST", SyncProtocol.joinVerified(shop.id()), token, 1, null, Map.of()).statusCode()).isEqualTo(409);
        assertThat(admin("POST", "/api/admin/shops/" + UUID.randomUUID() + "/join/undone").statusCode()).isEqualTo(404);
    }

    @Test
    void an_enrolment_whose_answer_was_lost_can_be_retried_until_the_secret_is_used() throws Exception {
        UUID id = UUID.randomUUID();
        String code = Secrets.newEnrolmentCode();
        db.insertInto(SHOPS).set(SHOPS.ID, id).set(SHOPS.NAME, "Retry shop " + suffix())
                .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, OffsetDateTime.now().plusDays(1)).execute();

        Map<?, ?> lost = enrol(code);
        Map<?, ?> retried = enrol(code);
        Map<?, ?> duplicate = enrol(code); // e.g. a late copy of the first request

        assertThat(retried.get("shopId")).isEqualTo(id.toString()).isEqualTo(lost.get("shopId"));
        // the same secret every time: a copy of the request answered later cannot replace the secret
        // the till already stored (found by the simulation with duplicated requests)
        assertThat(retried.get("secret")).isEqualTo(lost.get("secret")).isEqualTo(duplicate.get("secret"));
        assertThat(token(new Shop(id.toString(), (String) lost.get("secret")))).isNotBlank();

        // the secret has been used: the code is spent for good
        HttpResponse<String> third = send("POST", SyncProtocol.ENROL, null, 1, SyncJson.write(new EnrolRequest(code)), Map.of());
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(code(third)).isEqualTo(SyncProtocol.Codes.ENROLMENT_CODE_INVALID);
        assertThat(token(new Shop(id.toString(), (String) retried.get("secret")))).isNotBlank();
    }

    @Test
    void different_codes_give_different_secrets() throws Exception {
        List<String> secrets = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String code = Secrets.newEnrolmentCode();
            db.insertInto(SHOPS).set(SHOPS.ID, UUID.randomUUID()).set(SHOPS.NAME, "Secret shop " + suffix())
                    .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                    .set(SHOPS.ENROLMENT_EXPIRES_AT, OffsetDateTime.now().plusDays(1)).execute();
            secrets.add((String) enrol(code).get("secret"));
        }
        assertThat(secrets.get(0)).isNotEqualTo(secrets.get(1)).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void a_retry_after_the_codes_expiry_is_refused() throws Exception {
        UUID id = UUID.randomUUID();
        String code = Secrets.newEnrolmentCode();
        db.insertInto(SHOPS).set(SHOPS.ID, id).set(SHOPS.NAME, "Late retry " + suffix())
                .set(SHOPS.ENROLMENT_CODE_HASH, Secrets.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, OffsetDateTime.now().plusDays(1)).execute();
        enrol(code);
        db.update(SHOPS).set(SHOPS.SPENT_ENROLMENT_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(SHOPS.ID.eq(id)).execute();

        HttpResponse<String> retry = send("POST", SyncProtocol.ENROL, null, 1, SyncJson.write(new EnrolRequest(code)), Map.of());

        assertThat(retry.statusCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ helpers

    private Map<?, ?> enrol(String code) throws Exception {
        HttpResponse<String> response = send("POST", SyncProtocol.ENROL, null, 1, SyncJson.write(new EnrolRequest(code)), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SyncJson.mapper().readValue(response.body(), Map.class);
    }

    private HttpResponse<String> join(JoinCatalogRequest request) throws Exception {
        return send("POST", SyncProtocol.joinCatalog(shop.id()), token, 1, SyncJson.write(request), Map.of());
    }

    private Map<String, Object> progress() throws Exception {
        HttpResponse<String> response = admin("GET", "/api/admin/shops/" + shop.id() + "/join");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SyncJson.readPayload(response.body());
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return send(method, path, null, null, null, Map.of("Authorization", ADMIN_AUTH));
    }

    private UUID shopId() {
        return UUID.fromString(shop.id());
    }

    private long proposalId(JoinCatalogRequest.Item item) {
        return db.fetchValue(CATALOG_PROPOSALS.ID, CATALOG_PROPOSALS.SHOP_ID.eq(shopId())
                .and(CATALOG_PROPOSALS.ITEM_ID.eq(UUID.fromString(item.id()))));
    }

    private static JoinCatalogRequest.Item till(String skuPrefix, String barcode, String name, long priceCents) {
        return new JoinCatalogRequest.Item(UUID.randomUUID().toString(), skuPrefix + "-" + suffix(), barcode, name,
                priceCents, "each", null, null);
    }

    private ItemsRecord hubItem(String sku, String barcode, String name, long priceCents) {
        UUID id = UUID.randomUUID();
        db.insertInto(ITEMS).set(ITEMS.ID, id).set(ITEMS.SKU, sku).set(ITEMS.BARCODE, barcode).set(ITEMS.NAME, name)
                .set(ITEMS.PRICE_CENTS, priceCents).set(ITEMS.LAST_MODIFIED_AT, "000000000000001-000000-hub")
                .execute();
        return db.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchSingle();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random EAN-13 with a valid check digit, in a range no seeded item uses. */
    private static String ean13() {
        String body = "29" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        return body + CatalogNormaliser.checkDigit(body);
    }

    private static String wrongCheckDigit(String ean) {
        int right = ean.charAt(12) - '0';
        return ean.substring(0, 12) + (right + 1) % 10;
    }
}
