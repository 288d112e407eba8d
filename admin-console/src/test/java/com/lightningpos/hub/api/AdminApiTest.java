package com.lightningpos.hub.api;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The admin REST API as a script sees it: HTTP Basic, JSON in and out, problem documents on errors. */
class AdminApiTest extends HubTestBase {

    static final String SUPPORT = "support-api";
    static final String SUPPORT_PASSWORD = "support-password";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext db;

    TestRestTemplate admin;

    @BeforeEach
    void headOfficeAndSupportUsers() {
        admin = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
        admin.postForEntity("/api/admin/users",
                Map.of("username", SUPPORT, "password", SUPPORT_PASSWORD, "role", "SUPPORT"), JsonNode.class);
    }

    @Test
    void provisioning_a_shop_answers_201_with_its_id_and_enrolment_code() {
        ResponseEntity<JsonNode> created = admin.postForEntity("/api/admin/shops",
                Map.of("name", HubFixtures.unique("API shop")), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID id = UUID.fromString(created.getBody().get("id").asText());
        assertThat(created.getBody().get("enrolmentCode").asText()).hasSize(14);
        assertThat(created.getBody().get("command").asText()).contains("--pos.enrolment-code=");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/admin/shops/" + id);

        ResponseEntity<JsonNode> list = admin.getForEntity("/api/admin/shops", JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode shop = null;
        for (JsonNode s : list.getBody()) {
            if (s.get("id").asText().equals(id.toString())) {
                shop = s;
            }
        }
        assertThat(shop).isNotNull();
        assertThat(shop.get("status").asText()).isEqualTo("never_synced");
        assertThat(shop.has("schemaVersion")).isTrue();
        assertThat(shop.has("lastSyncAt")).isTrue();
        assertThat(shop.has("pending")).isTrue();
        assertThat(shop.has("lagSeconds")).isTrue();
        assertThat(shop.has("enrolmentCodeHash")).isFalse();

        ResponseEntity<JsonNode> rotated = admin.postForEntity("/api/admin/shops/" + id + "/rotate", null, JsonNode.class);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rotated.getBody().get("enrolmentCode").asText()).isNotEqualTo(created.getBody().get("enrolmentCode").asText());
        assertThat(admin.postForEntity("/api/admin/shops/" + id + "/deactivate", null, JsonNode.class).getBody()
                .get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void items_are_created_edited_with_a_partial_body_listed_and_deleted() {
        String sku = HubFixtures.unique("API");
        ResponseEntity<JsonNode> created = admin.postForEntity("/api/admin/items",
                Map.of("sku", sku, "name", "Sparkling water", "priceCents", 120), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();

        ResponseEntity<JsonNode> edited = admin.exchange("/api/admin/items/" + id, HttpMethod.PUT,
                new HttpEntity<>(Map.of("priceCents", 250)), JsonNode.class);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody().get("priceCents").asLong()).isEqualTo(250);
        assertThat(edited.getBody().get("name").asText()).isEqualTo("Sparkling water");
        assertThat(db.fetchCount(CATALOG_CHANGES, CATALOG_CHANGES.RECORD_ID.eq(UUID.fromString(id)))).isEqualTo(2);

        JsonNode page = admin.getForObject("/api/admin/items?q=" + sku + "&limit=5&offset=0", JsonNode.class);
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("priceCents").asLong()).isEqualTo(250);

        assertThat(admin.exchange("/api/admin/items/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin.getForObject("/api/admin/items?q=" + sku, JsonNode.class).get("total").asInt()).isZero();
    }

    @Test
    void errors_are_problem_documents_with_a_code() {
        ResponseEntity<JsonNode> invalid = admin.postForEntity("/api/admin/items", Map.of("sku", "X", "priceCents", -1),
                JsonNode.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody().get("code").asText()).isEqualTo("validation_failed");
        assertThat(invalid.getBody().get("errors")).hasSize(2);

        ResponseEntity<JsonNode> missing = admin.exchange("/api/admin/items/" + UUID.randomUUID(), HttpMethod.PUT,
                new HttpEntity<>(Map.of("priceCents", 1)), JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("code").asText()).isEqualTo("not_found");

        String barcode = HubFixtures.unique("BC");
        admin.postForEntity("/api/admin/items", Map.of("sku", "A", "name", "A", "priceCents", 1, "barcode", barcode), JsonNode.class);
        ResponseEntity<JsonNode> duplicate = admin.postForEntity("/api/admin/items",
                Map.of("sku", "B", "name", "B", "priceCents", 1, "barcode", barcode), JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getBody().get("code").asText()).isEqualTo("duplicate_barcode");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> malformed = admin.postForEntity("/api/admin/items", new HttpEntity<>("{\"sku\":", json),
                JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("code").asText()).isEqualTo("validation_failed");
    }

    @Test
    void console_users_are_created_once_with_a_valid_role() {
        String name = HubFixtures.unique("user");
        ResponseEntity<JsonNode> created = admin.postForEntity("/api/admin/users",
                Map.of("username", name, "password", "long-enough", "role", "SUPPORT"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("role").asText()).isEqualTo("SUPPORT");
        assertThat(created.getBody().has("passwordHash")).isFalse();

        ResponseEntity<JsonNode> again = admin.postForEntity("/api/admin/users",
                Map.of("username", name, "password", "long-enough", "role", "SUPPORT"), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("code").asText()).isEqualTo("duplicate_username");
        ResponseEntity<JsonNode> bad = admin.postForEntity("/api/admin/users",
                Map.of("username", "x", "password", "short", "role", "BOSS"), JsonNode.class);
        assertThat(bad.getBody().get("errors")).hasSize(3);
        assertThat(rest.withBasicAuth(name, "long-enough").getForEntity("/api/admin/shops", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_admin_api_is_described_by_openapi() {
        String docs = rest.getForObject("/api/docs", String.class);

        assertThat(docs).contains("/api/admin/shops", "/api/admin/items/{id}", "/api/admin/schema/required");
    }

    @Test
    void without_credentials_the_api_answers_401() {
        ResponseEntity<String> anonymous = rest.getForEntity("/api/admin/shops", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(anonymous.getBody()).contains("\"code\":\"unauthorized\"");
        assertThat(rest.withBasicAuth(ADMIN, "wrong").postForEntity("/api/admin/items", Map.of(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void support_staff_may_read_shops_but_not_change_the_catalog_or_the_schema() {
        TestRestTemplate support = rest.withBasicAuth(SUPPORT, SUPPORT_PASSWORD);
        Integer requiredBefore = db.select(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION).from(HUB_SETTINGS).fetchSingle().value1();

        assertThat(support.getForEntity("/api/admin/shops", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(support.getForEntity("/api/admin/items", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> item = support.postForEntity("/api/admin/items",
                Map.of("sku", "S", "name", "S", "priceCents", 1), JsonNode.class);
        assertThat(item.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(item.getBody().get("code").asText()).isEqualTo("forbidden");
        ResponseEntity<JsonNode> schema = support.exchange("/api/admin/schema/required", HttpMethod.PUT,
                new HttpEntity<>(Map.of("version", 99)), JsonNode.class);
        assertThat(schema.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.postForEntity("/api/admin/shops", Map.of("name", "No"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(support.postForEntity("/api/admin/users",
                Map.of("username", "sneaky", "password", "long-enough", "role", "HEAD_OFFICE"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(db.select(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION).from(HUB_SETTINGS).fetchSingle().value1())
                .isEqualTo(requiredBefore);
    }

    @Test
    void head_office_raises_the_required_schema_version() {
        Integer before = db.select(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION).from(HUB_SETTINGS).fetchSingle().value1();
        try {
            ResponseEntity<JsonNode> raised = admin.exchange("/api/admin/schema/required", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("version", before + 1)), JsonNode.class);

            assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(raised.getBody().get("requiredVersion").asInt()).isEqualTo(before + 1);
            ResponseEntity<JsonNode> lowered = admin.exchange("/api/admin/schema/required", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("version", before)), JsonNode.class);
            assertThat(lowered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        } finally {
            db.update(HUB_SETTINGS).set(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, before)
                    .set(HUB_SETTINGS.MIN_UPLOAD_SCHEMA_VERSION, 1).execute();
        }
    }
}
