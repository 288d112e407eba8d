package com.lightningpos.etl.sync;

import java.io.IOException;

/** The request may or may not have reached the hub, and no response came back (offline, timeout, reset). */
public class TransportException extends IOException {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
