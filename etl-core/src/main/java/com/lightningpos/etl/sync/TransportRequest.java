package com.lightningpos.etl.sync;

import java.util.Map;

/**
 * One protocol request.
 *
 * @param method  GET or POST
 * @param path    path and query, starting with {@code /sync/v1}
 * @param headers header name to value ({@code Authorization}, {@code X-Schema-Version}, ...)
 * @param body    JSON bytes, or an empty array
 */
public record TransportRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public TransportRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
