package com.lightningpos.etl.sync.replica;

/**
 * A pushed batch that the hub refuses as a whole; nothing of it is applied.
 * {@link Kind#FORBIDDEN} means the shop tried to touch data that is not its own (HTTP 403),
 * {@link Kind#INVALID} that the batch is malformed (HTTP 400).
 */
public class BatchRejectedException extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN }

    private final Kind kind;
    private final String code;

    public BatchRejectedException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static BatchRejectedException invalid(String code, String message) {
        return new BatchRejectedException(Kind.INVALID, code, message);
    }

    public static BatchRejectedException forbidden(String code, String message) {
        return new BatchRejectedException(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** One of {@link com.lightningpos.etl.sync.SyncProtocol.Codes}. */
    public String code() {
        return code;
    }
}
