package com.lightningpos.etl.sync.client;

import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.EnrolRequest;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.ErrorBody;
import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.JoinState;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The hub's {@code /sync/v1} API as typed calls over a {@link SyncTransport}. Keeps the bearer
 * token and trades the credentials for a new one shortly before it expires, or once when the hub
 * says it is no longer valid (the hub restarted with a new key, the token expired in flight).
 */
public final class HubApi {

    /** Tokens are renewed this long before they expire, so a slow call never carries a dead one. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private final SyncTransport transport;
    private final ShopCredentials credentials;
    private final int schemaVersion;
    private final Clock clock;
    private TokenResponse token;

    public HubApi(SyncTransport transport, ShopCredentials credentials, int schemaVersion, Clock clock) {
        this.transport = transport;
        this.credentials = credentials;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
    }

    public String shopId() {
        return credentials.shopId();
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Trades a one-time enrolment code for permanent credentials (no token needed). */
    public static EnrolResponse enrol(SyncTransport transport, String enrolmentCode, int schemaVersion)
            throws TransportException, HubCallException {
        TransportResponse response = transport.exchange(new TransportRequest("POST", SyncProtocol.ENROL,
                jsonHeaders(schemaVersion), SyncJson.write(new EnrolRequest(enrolmentCode))));
        return read(response, EnrolResponse.class);
    }

    public HubStatus status() throws TransportException, HubCallException {
        return read(call("GET", SyncProtocol.STATUS, null), HubStatus.class);
    }

    public PushResponse push(PushRequest batch) throws TransportException, HubCallException {
        return read(call("POST", SyncProtocol.changes(shopId()), SyncJson.write(batch)), PushResponse.class);
    }

    public PullResponse pull(long after, int limit) throws TransportException, HubCallException {
        return read(call("GET", SyncProtocol.changes(shopId()) + "?after=" + after + "&limit=" + limit, null), PullResponse.class);
    }

    public ConsistencyReport consistency() throws TransportException, HubCallException {
        return read(call("GET", SyncProtocol.consistency(shopId()), null), ConsistencyReport.class);
    }

    /**
     * Sends the till's own report (taken with nothing pending) and returns the hub's comparison of
     * the shop, its replica and PostgreSQL.
     */
    public ConsistencyComparison verifyConsistency(ConsistencyReport own) throws TransportException, HubCallException {
        return read(call("POST", SyncProtocol.consistency(shopId()), SyncJson.write(own)), ConsistencyComparison.class);
    }

    /** Sends a standalone till's catalog after enrolling; safe to repeat (same answer, nothing twice). */
    public JoinCatalogResponse joinCatalog(JoinCatalogRequest catalog) throws TransportException, HubCallException {
        return read(call("POST", SyncProtocol.joinCatalog(shopId()), SyncJson.write(catalog)), JoinCatalogResponse.class);
    }

    /** Tells the hub the join is verified (counts and checksums equal on all three tiers). */
    public JoinState joinVerified() throws TransportException, HubCallException {
        return read(call("POST", SyncProtocol.joinVerified(shopId()), new byte[0]), JoinState.class);
    }

    /** Tells the hub the till went back to its pre-enrolment database. */
    public JoinState joinUndone() throws TransportException, HubCallException {
        return read(call("POST", SyncProtocol.joinUndone(shopId()), new byte[0]), JoinState.class);
    }

    /** The replica file's bytes. */
    public byte[] snapshot() throws TransportException, HubCallException {
        TransportResponse response = call("GET", SyncProtocol.snapshot(shopId()), null);
        if (!response.ok()) {
            throw new HubCallException(errorOf(response));
        }
        return response.body();
    }

    /** Forgets the token, e.g. after the secret was rotated. */
    public synchronized void dropToken() {
        token = null;
    }

    private TransportResponse call(String method, String path, byte[] body) throws TransportException, HubCallException {
        TransportResponse response = transport.exchange(request(method, path, body, bearer()));
        if (response.status() == 401) {
            dropToken(); // one fresh token, then the hub's answer stands
            response = transport.exchange(request(method, path, body, bearer()));
        }
        return response;
    }

    private TransportRequest request(String method, String path, byte[] body, String bearer) {
        Map<String, String> headers = new HashMap<>(jsonHeaders(schemaVersion));
        headers.put("Authorization", "Bearer " + bearer);
        return new TransportRequest(method, path, headers, body);
    }

    private synchronized String bearer() throws TransportException, HubCallException {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.expiresAt().minus(REFRESH_MARGIN))) {
            TransportResponse response = transport.exchange(new TransportRequest("POST", SyncProtocol.TOKEN,
                    jsonHeaders(schemaVersion), SyncJson.write(new TokenRequest(credentials.shopId(), credentials.secret()))));
            token = read(response, TokenResponse.class);
        }
        return token.token();
    }

    private static Map<String, String> jsonHeaders(int schemaVersion) {
        return Map.of("Content-Type", "application/json", "Accept", "application/json",
                SyncProtocol.SCHEMA_HEADER, Integer.toString(schemaVersion));
    }

    private static <T> T read(TransportResponse response, Class<T> type) throws HubCallException, TransportException {
        if (!response.ok()) {
            throw new HubCallException(errorOf(response));
        }
        try {
            return SyncJson.read(response.body(), type);
        } catch (IOException e) {
            throw new TransportException("The hub's answer could not be read: " + e.getMessage(), e);
        }
    }

    static ErrorBody errorOf(TransportResponse response) {
        try {
            ErrorBody body = SyncJson.read(response.body(), ErrorBody.class);
            return new ErrorBody(response.status(), body.code() == null ? "http_" + response.status() : body.code(),
                    body.detail(), body.resumeFrom(), body.requiredVersion());
        } catch (IOException | RuntimeException e) {
            return new ErrorBody(response.status(), "http_" + response.status(), "The hub answered " + response.status() + ".", null, null);
        }
    }
}
