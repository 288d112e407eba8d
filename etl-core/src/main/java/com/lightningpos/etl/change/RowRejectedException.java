package com.lightningpos.etl.change;

/** A well-formed change whose values this database cannot take (wrong type, unknown table). */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(String message) {
        super(message);
    }
}
