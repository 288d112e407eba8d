package com.lightningpos.pos.sync;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The hub's address. The shop secret and every sale travel to it, so plain HTTP is refused unless
 * the hub is on this very machine (a test or a demo) or {@code pos.allow-insecure-hub} says so.
 */
public final class HubUrls {

    private HubUrls() {
    }

    public static URI check(String url, boolean allowInsecure) {
        URI uri;
        try {
            uri = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pos.hub-url is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("pos.hub-url must be an http(s) URL with a host: " + url);
        }
        if (scheme.equals("http") && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Refusing plain HTTP to " + uri.getHost()
                    + ": the shop's secret and sales would travel unencrypted. Use https:// or set pos.allow-insecure-hub=true.");
        }
        return uri;
    }

    /** Loopback by name or literal address only: no DNS look-up decides what is "local". */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
