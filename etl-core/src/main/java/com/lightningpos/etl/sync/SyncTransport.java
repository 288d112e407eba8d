package com.lightningpos.etl.sync;

/**
 * The network as the sync protocol sees it: send one request, get one response or a failure.
 * The apps use HTTP; tests use an in-process hub and inject dropped requests and responses.
 * A non-2xx status is a response, not a failure.
 */
@FunctionalInterface
public interface SyncTransport {

    TransportResponse exchange(TransportRequest request) throws TransportException;
}
