package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubCallException;

/** The hub's join endpoints, as the till uses them (an interface so tests can answer in-process). */
interface JoinHub {

    JoinCatalogResponse catalog(JoinCatalogRequest request) throws TransportException, HubCallException;

    void verified() throws TransportException, HubCallException;

    void undone() throws TransportException, HubCallException;
}
