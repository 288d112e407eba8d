package com.lightningpos.pos.sync;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.sync.ErrorBody;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TokenRequest;
import com.lightningpos.etl.sync.TokenResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.client.HubCallException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The join endpoints over the till's sync transport, with the shop's bearer token like every other
 * shop call. A join makes a handful of calls in its life, so each takes a fresh token.
 */
final class HttpJoinHub implements JoinHub {

    private final SyncTransport transport;
    private final StoredCredentials credentials;

    HttpJoinHub(SyncTransport transport, StoredCredentials credentials) {
        this.transport = transport;
        this.credentials = credentials;
    }

    @Override
    public JoinCatalog.Answer catalog(JoinCatalog.Request request) throws TransportException, HubCallException {
        return read(call(JoinCatalog.path(credentials.shopId()), SyncJson.write(request)), JoinCatalog.Answer.class);
    }

    @Override
    public void verified() throws TransportException, HubCallException {
        check(call(JoinCatalog.verifiedPath(credentials.shopId()), "{}".getBytes()));
    }

    @Override
    public void undone() throws TransportException, HubCallException {
        check(call(JoinCatalog.undonePath(credentials.shopId()), "{}".getBytes()));
    }

    private TransportResponse call(String path, byte[] body) throws TransportException, HubCallException {
        TokenResponse token = read(transport.exchange(new TransportRequest("POST", SyncProtocol.TOKEN, headers(),
                SyncJson.write(new TokenRequest(credentials.shopId(), credentials.secret())))), TokenResponse.class);
        Map<String, String> headers = new HashMap<>(headers());
        headers.put("Authorization", "Bearer " + token.token());
        return transport.exchange(new TransportRequest("POST", path, headers, body));
    }

    private static Map<String, String> headers() {
        return Map.of("Content-Type", "application/json", "Accept", "application/json",
                SyncProtocol.SCHEMA_HEADER, Integer.toString(SchemaKind.SHOP.latestVersion()));
    }

    private static <T> T read(TransportResponse response, Class<T> type) throws TransportException, HubCallException {
        check(response);
        try {
            return SyncJson.read(response.body(), type);
        } catch (IOException e) {
            throw new TransportException("The hub's answer could not be read: " + e.getMessage(), e);
        }
    }

    private static void check(TransportResponse response) throws HubCallException {
        if (response.ok()) {
            return;
        }
        ErrorBody body;
        try {
            body = SyncJson.read(response.body(), ErrorBody.class);
        } catch (IOException | RuntimeException e) {
            body = null;
        }
        String code = body == null || body.code() == null ? "http_" + response.status() : body.code();
        String detail = body == null || body.detail() == null ? "The hub answered " + response.status() + "." : body.detail();
        throw new HubCallException(new ErrorBody(response.status(), code, detail, null, null));
    }
}
