package com.lightningpos.etl.clock;

/** A remote HLC lies further in the future than the configured drift bound allows. */
public class HlcTooFarAheadException extends IllegalArgumentException {

    public HlcTooFarAheadException(Hlc remote, long localWallMillis, long maxDriftMillis) {
        super("Timestamp " + remote.encode() + " is " + (remote.physicalMillis() - localWallMillis) / 1000
                + " s ahead of this clock (at most " + maxDriftMillis / 1000 + " s allowed); check the sender's clock");
    }
}
