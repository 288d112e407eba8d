package com.lightningpos.etl.sync.testing;

import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.replica.BatchRejectedException;
import com.lightningpos.etl.sync.replica.PushResult;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny hub in the test's own process: the protocol's routes, tokens, schema gate and error
 * codes over a real {@link ReplicaStore}, without HTTP. Enough to test the client's behaviour;
 * the real hub's HTTP layer has its own tests.
 */
public final class InProcessHub implements SyncTransport {

    private static final Pattern SHOP_PATH = Pattern.compile("/sync/v1/shops/([^/]+)/(changes|consistency)(?:\\?after=(\\d+)&limit=(\\d+))?");

    public final ReplicaStore replicas;
    private final Clock clock;
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, String> tokenShops = new HashMap<>();
    private final Map<String, EnrolResponse> codes = new HashMap<>();
    public final AtomicInteger tokensIssued = new AtomicInteger();
    public int requiredVersion = 1;
    public int minUploadVersion = 1;

    public InProcessHub(ReplicaStore replicas, Clock clock) {
        this.replicas = replicas;
        this.clock = clock;
    }

    public void provision(String shopId, String secret) {
        secrets.put(shopId, secret);
    }

    /** A one-time enrolment code for a shop; enrolling spends it and issues {@code secret}. */
    public void provisionCode(String code, String shopId, String shopName, String secret) {
        codes.put(code, new EnrolResponse(shopId, shopName, secret));
    }

    @Override
    public synchronized TransportResponse exchange(TransportRequest request) {
        try {
            if (request.path().equals(SyncProtocol.ENROL)) {
                EnrolResponse enrolled = codes.remove(SyncJson.read(request.body(), EnrolRequest.class).enrolmentCode());
                if (enrolled == null) {
                    return problem(400, Codes.ENROLMENT_CODE_INVALID, "unknown or spent code", null, null);
                }
                provision(enrolled.shopId(), enrolled.secret());
                return json(200, enrolled);
            }
            if (request.path().equals(SyncProtocol.TOKEN)) {
                return token(SyncJson.read(request.body(), TokenRequest.class));
            }
            String shop = authenticate(request.header("Authorization"));
            if (shop == null) {
                return problem(401, Codes.UNAUTHORIZED, "bad or expired token", null, null);
            }
            int version = Integer.parseInt(request.header(SyncProtocol.SCHEMA_HEADER));
            if (request.path().equals(SyncProtocol.STATUS)) {
                return json(200, new HubStatus(requiredVersion, minUploadVersion, replicas.highWaterSeq(shop),
                        replicas.openQuarantineCount(shop), clock.instant()));
            }
            if (request.path().endsWith("/snapshot")) {
                java.nio.file.Path file = replicas.snapshot(shop);
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                java.nio.file.Files.delete(file);
                return new TransportResponse(200, Map.of("content-type", "application/vnd.sqlite3"), bytes);
            }
            Matcher m = SHOP_PATH.matcher(request.path());
            if (!m.matches()) {
                return problem(404, Codes.NOT_FOUND, "no such route", null, null);
            }
            if (!m.group(1).equals(shop)) {
                return problem(403, Codes.SHOP_MISMATCH, "not your shop", null, null);
            }
            if (m.group(2).equals("consistency")) {
                return json(200, replicas.consistency(shop));
            }
            if (request.method().equals("POST")) {
                if (version < minUploadVersion) {
                    return problem(426, Codes.SCHEMA_UPDATE_REQUIRED, "update", null, requiredVersion);
                }
                return push(shop, SyncJson.read(request.body(), PushRequest.class));
            }
            if (version < requiredVersion) {
                return problem(426, Codes.SCHEMA_UPDATE_REQUIRED, "update", null, requiredVersion);
            }
            return json(200, replicas.pull(shop, Long.parseLong(m.group(3)), Integer.parseInt(m.group(4))));
        } catch (IOException e) {
            return problem(400, Codes.MALFORMED_JSON, e.getMessage(), null, null);
        }
    }

    private TransportResponse push(String shop, PushRequest batch) {
        try {
            PushResult result = replicas.applyPush(shop, batch);
            if (result instanceof PushResult.Gap gap) {
                return problem(409, Codes.SEQ_GAP, "gap", gap.resumeFrom(), null);
            }
            return json(200, ((PushResult.Accepted) result).response());
        } catch (BatchRejectedException e) {
            return problem(e.kind() == BatchRejectedException.Kind.FORBIDDEN ? 403 : 400, e.code(), e.getMessage(), null, null);
        }
    }

    private TransportResponse token(TokenRequest request) {
        String secret = secrets.get(request.shopId());
        if (secret == null || !secret.equals(request.secret())) {
            return problem(401, Codes.BAD_CREDENTIALS, "bad credentials", null, null);
        }
        String token = "token-" + tokensIssued.incrementAndGet();
        Instant expires = clock.instant().plus(Duration.ofMinutes(15));
        tokens.put(token, expires);
        tokenShops.put(token, request.shopId());
        return json(200, new TokenResponse(token, expires));
    }

    private String authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring(7);
        Instant expires = tokens.get(token);
        return expires != null && clock.instant().isBefore(expires) ? tokenShops.get(token) : null;
    }

    private static TransportResponse json(int status, Object body) {
        return new TransportResponse(status, Map.of("content-type", "application/json"), SyncJson.write(body));
    }

    private static TransportResponse problem(int status, String code, String detail, Long resumeFrom, Integer requiredVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        body.put("resumeFrom", resumeFrom);
        body.put("requiredVersion", requiredVersion);
        return new TransportResponse(status, Map.of("content-type", "application/problem+json"), SyncJson.write(body));
    }
}
