package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Helpers of the multi-till e2e tests: enrol, sell, list, sync, and read the hub's PostgreSQL. */
final class Tills {

    private Tills() {
    }

    /** Provisions a shop over the admin API; returns {shopId, enrolmentCode}. */
    static String[] provisionShop(HubProcess hub, String name) {
        JsonHttp.Response shop = hub.admin().post("/api/admin/shops", Map.of("name", name));
        assertThat(shop.status()).as("%s", shop).isEqualTo(201);
        String id = shop.json().path("id").asText();
        String code = shop.json().path("enrolmentCode").asText();
        assertThat(id).as("%s", shop).isNotBlank();
        assertThat(code).as("%s", shop).isNotBlank();
        return new String[] {id, code};
    }

    /** Waits until the till is enrolled, online and done with its first catalog download. */
    static void awaitEnrolled(JsonHttp till, Supplier<String> logs) {
        await("till enrolled, online and done downloading the catalog", Duration.ofSeconds(60),
                () -> till.get("/api/sync/status"),
                s -> "online".equals(s.path("state").asText()) && !s.path("standalone").asBoolean(true)
                        && !s.path("bootstrap").path("inProgress").asBoolean(false)
                        && !s.path("lastSyncedAt").isNull() && !s.path("lastSyncedAt").asText().isEmpty(), logs);
        await("the hub's demo catalog in the till", Duration.ofSeconds(30), () -> till.get("/api/items?limit=1"),
                r -> r.path("total").asInt() > 0, logs);
    }

    /** One cash sale of {@code items}; asserts the 201 and returns the order id. */
    static String sell(JsonHttp till, List<JsonNode> items) {
        UUID id = UUID.randomUUID();
        JsonHttp.Response r = till.post("/api/orders", Orders.cashSale(id, items, Orders.GENEROUS_CASH));
        assertThat(r.status()).as("sale at %s: %s", till.baseUrl(), r).isEqualTo(201);
        return id.toString();
    }

    /** {@code POST /api/sync} until it answers outcome ok with nothing pending. */
    static JsonNode syncUntilOk(JsonHttp till, Duration timeout, Supplier<String> logs) {
        return await("POST /api/sync outcome ok with nothing pending at " + till.baseUrl(), timeout,
                () -> till.post("/api/sync", Map.of()),
                s -> "ok".equals(s.path("outcome").asText()) && s.path("status").path("pendingCount").asInt(-1) == 0,
                logs);
    }

    /** Every order of the till, by id, from the paged {@code GET /api/orders}. */
    static Map<String, JsonNode> listOrders(JsonHttp api) {
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        int offset = 0;
        int total;
        do {
            JsonHttp.Response r = api.get("/api/orders?limit=50&offset=" + offset);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            total = r.json().path("total").asInt();
            JsonNode page = r.json().path("orders");
            for (JsonNode o : page) {
                assertThat(orders.put(o.path("id").asText(), o)).as("order listed twice: %s", o).isNull();
            }
            if (page.isEmpty()) {
                break;
            }
            offset += page.size();
        } while (offset < total);
        assertThat(orders).as("GET /api/orders total").hasSize(total);
        return orders;
    }

    static Connection postgres(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** Order ids of a shop in PostgreSQL, one entry per row (duplicates would show twice). */
    static List<String> pgOrderIds(Connection pg, String shopId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement st = pg.prepareStatement("SELECT id::text FROM sales_orders WHERE shop_id = ?")) {
            st.setObject(1, UUID.fromString(shopId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Polls PostgreSQL until the shop's {@code sales_orders} ids are exactly {@code expected} (as a set, and
     * as many rows as ids); returns the ids last read. The caller asserts.
     */
    static List<String> awaitPgOrders(int pgPort, String shopId, java.util.Collection<String> expected, Duration timeout)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> ids;
        try (Connection pg = postgres(pgPort)) {
            do {
                ids = pgOrderIds(pg, shopId);
                if (ids.size() == expected.size() && new java.util.HashSet<>(ids).equals(new java.util.HashSet<>(expected))) {
                    break;
                }
                Thread.sleep(250);
            } while (Instant.now().isBefore(deadline));
        }
        return ids;
    }

    /** Calls {@code call} every 500 ms until its 200 JSON answer satisfies {@code condition}. */
    static JsonNode await(String what, Duration timeout, Supplier<JsonHttp.Response> call, Predicate<JsonNode> condition,
                          Supplier<String> logs) {
        Instant deadline = Instant.now().plus(timeout);
        JsonHttp.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = call.get();
                if (last.status() == 200 && condition.test(last.json())) {
                    return last.json();
                }
            } catch (RuntimeException e) {
                last = new JsonHttp.Response("(call failed)", -1, "", e.toString());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not reached within " + timeout + ": " + what + "; last answer: " + last + "\n"
                + logs.get());
    }

    static {
        try {
            Class.forName("org.sqlite.JDBC");
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
