package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;

/** The join endpoints through the till's {@link HubApi} (shop bearer token like every other shop call). */
final class HubApiJoinHub implements JoinHub {

    private final HubApi hub;

    HubApiJoinHub(HubApi hub) {
        this.hub = hub;
    }

    @Override
    public JoinCatalogResponse catalog(JoinCatalogRequest request) throws TransportException, HubCallException {
        return hub.joinCatalog(request);
    }

    @Override
    public void verified() throws TransportException, HubCallException {
        hub.joinVerified();
    }

    @Override
    public void undone() throws TransportException, HubCallException {
        hub.joinUndone();
    }
}
