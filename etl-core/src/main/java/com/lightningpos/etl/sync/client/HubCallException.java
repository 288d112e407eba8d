package com.lightningpos.etl.sync.client;

import com.lightningpos.etl.sync.ErrorBody;

/** The hub answered, but with an error (a problem document). The request changed nothing at the hub. */
public class HubCallException extends Exception {

    private final ErrorBody error;

    public HubCallException(ErrorBody error) {
        super(error.status() + " " + error.code() + ": " + error.detail());
        this.error = error;
    }

    public ErrorBody error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public String code() {
        return error.code();
    }
}
