package com.lightningpos.etl.sync;

import java.util.Map;

/** One protocol response: status, headers (lower-case names are fine) and the decoded body bytes. */
public record TransportResponse(int status, Map<String, String> headers, byte[] body) {

    public TransportResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
