package com.lightningpos.hub.conflicts;

/** How a person settled a conflict (stored in {@code sync_conflicts.resolution}). */
public enum Settlement {
    /** The result the hub applied stands. */
    ACCEPTED_APPLIED("accepted_applied"),
    /** The shop's version was written to the hub and goes out to every shop. */
    REAPPLIED_SHOP_VERSION("reapplied_shop_version"),
    /** A value merged by hand was written to the hub. */
    MERGED("merged");

    private final String code;

    Settlement(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
