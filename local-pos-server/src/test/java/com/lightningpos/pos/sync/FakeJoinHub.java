package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TierSummary;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.testing.InProcessHub;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's join endpoints as the contract describes them, in front of the in-process protocol
 * hub (which answers everything else): an item whose barcode (spaces and dashes removed) is one of
 * the hub's is matched, any other becomes a proposal. The three-tier consistency check compares the
 * till's report with its replica.
 */
final class FakeJoinHub implements SyncTransport {

    private static final Pattern JOIN = Pattern.compile("/sync/v1/shops/([^/]+)/join/(catalog|verified|undone)");
    private static final Pattern CONSISTENCY = Pattern.compile("/sync/v1/shops/([^/]+)/consistency");

    private final InProcessHub hub;
    private final Map<String, Map<String, Object>> itemsByBarcode;
    final List<JoinCatalogRequest> catalogRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger verifiedCalls = new AtomicInteger();
    final AtomicInteger undoneCalls = new AtomicInteger();

    /** How the three-tier check answers: false = PostgreSQL has not loaded everything yet (the hub tier is left out). */
    volatile boolean hubLoaded = true;
    final AtomicInteger consistencyChecks = new AtomicInteger();

    FakeJoinHub(InProcessHub hub, Map<String, Map<String, Object>> itemsByBarcode) {
        this.hub = hub;
        this.itemsByBarcode = itemsByBarcode;
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        Matcher c = CONSISTENCY.matcher(request.path());
        if (c.matches() && request.method().equals("POST")) {
            try {
                return json(threeTiers(c.group(1), SyncJson.read(request.body(), ConsistencyReport.class)));
            } catch (IOException e) {
                return new TransportResponse(400, Map.of(), "{\"code\":\"malformed_json\"}".getBytes());
            }
        }
        Matcher m = JOIN.matcher(request.path());
        if (!m.matches()) {
            return hub.exchange(request);
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new TransportResponse(401, Map.of(), "{\"code\":\"unauthorized\"}".getBytes());
        }
        try {
            return switch (m.group(2)) {
                case "catalog" -> json(answer(SyncJson.read(request.body(), JoinCatalogRequest.class)));
                case "verified" -> count(verifiedCalls);
                default -> count(undoneCalls);
            };
        } catch (IOException e) {
            return new TransportResponse(400, Map.of(), "{\"code\":\"malformed_json\"}".getBytes());
        }
    }

    /** The shop's report against its replica; PostgreSQL is taken to hold what the replica holds once loaded. */
    private ConsistencyComparison threeTiers(String shopId, ConsistencyReport shop) {
        consistencyChecks.incrementAndGet();
        ConsistencyReport replica = hub.replicas.consistency(shopId);
        List<TableComparison> tables = replica.tables().stream().map(r -> {
            TierSummary inShop = TierSummary.of(shop.table(r.table()).orElse(null));
            TierSummary inReplica = TierSummary.of(r);
            return new TableComparison(r.table(), inShop, inReplica, hubLoaded ? inReplica : null, !Objects.equals(inShop, inReplica),
                    hubLoaded ? null : "replica changes not yet loaded into PostgreSQL by the ETL");
        }).toList();
        return new ConsistencyComparison(shopId, Instant.now(), tables.stream().noneMatch(TableComparison::differs), tables);
    }

    private JoinCatalogResponse answer(JoinCatalogRequest request) {
        catalogRequests.add(request);
        return new JoinCatalogResponse(request.items().stream().map(item -> {
            String code = item.barcode() == null ? "" : item.barcode().replaceAll("[\\s-]", "");
            Map<String, Object> row = itemsByBarcode.get(code);
            return row == null
                    ? new JoinCatalogResponse.ItemOutcome(item.id(), JoinCatalogResponse.PROPOSED, null, null, List.of())
                    : new JoinCatalogResponse.ItemOutcome(item.id(), JoinCatalogResponse.MATCHED, (String) row.get("id"), row,
                            code.equals(item.barcode()) ? List.of() : List.of("barcode_whitespace_removed"));
        }).toList());
    }

    private static TransportResponse count(AtomicInteger calls) {
        calls.incrementAndGet();
        return new TransportResponse(200, Map.of("content-type", "application/json"), "{}".getBytes());
    }

    private static TransportResponse json(Object body) {
        return new TransportResponse(200, Map.of("content-type", "application/json"), SyncJson.write(body));
    }
}
