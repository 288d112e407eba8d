package com.lightningpos.etl.sync;

/** Names shared by the hub and its clients: paths, headers and error codes of {@code /sync/v1}. */
public final class SyncProtocol {

    public static final String BASE = "/sync/v1";
    public static final String TOKEN = BASE + "/token";
    public static final String ENROL = BASE + "/enrol";
    public static final String STATUS = BASE + "/status";

    /** Every call carries the client's shop schema version in this header. */
    public static final String SCHEMA_HEADER = "X-Schema-Version";

    private SyncProtocol() {
    }

    public static String changes(String shopId) {
        return BASE + "/shops/" + shopId + "/changes";
    }

    public static String snapshot(String shopId) {
        return BASE + "/shops/" + shopId + "/snapshot";
    }

    public static String consistency(String shopId) {
        return BASE + "/shops/" + shopId + "/consistency";
    }

    /** A till that sold standalone sends its catalog here after enrolling. */
    public static String joinCatalog(String shopId) {
        return BASE + "/shops/" + shopId + "/join/catalog";
    }

    public static String joinVerified(String shopId) {
        return BASE + "/shops/" + shopId + "/join/verified";
    }

    public static String joinUndone(String shopId) {
        return BASE + "/shops/" + shopId + "/join/undone";
    }

    /** Machine-readable {@code code} values of the hub's problem documents. */
    public static final class Codes {
        public static final String UNAUTHORIZED = "unauthorized";
        public static final String TOKEN_EXPIRED = "token_expired";
        public static final String BAD_CREDENTIALS = "bad_credentials";
        public static final String ENROLMENT_CODE_INVALID = "enrolment_code_invalid";
        public static final String SHOP_MISMATCH = "shop_mismatch";
        public static final String SHOP_INACTIVE = "shop_inactive";
        public static final String SCHEMA_UPDATE_REQUIRED = "schema_update_required";
        public static final String SCHEMA_VERSION_MISSING = "schema_version_missing";
        public static final String MALFORMED_JSON = "malformed_json";
        public static final String UNKNOWN_TABLE = "unknown_table";
        public static final String BAD_OP = "bad_op";
        public static final String BAD_ROW = "bad_row";
        public static final String BAD_BATCH = "bad_batch";
        public static final String BATCH_TOO_LARGE = "batch_too_large";
        public static final String HLC_TOO_FAR_AHEAD = "hlc_too_far_ahead";
        public static final String SEQ_GAP = "seq_gap";
        public static final String RATE_LIMITED = "rate_limited";
        public static final String NOT_FOUND = "not_found";
        /** POST consistency: a report without tables, or a table summary without name or checksum. */
        public static final String BAD_REPORT = "bad_report";
        /** join/catalog: an item without a usable id, or the same id twice. */
        public static final String BAD_ITEM = "bad_item";
        /** join/verified or join/undone before the shop sent its catalog. */
        public static final String JOIN_NOT_STARTED = "join_not_started";
        /** join/verified after the join was undone, or join/undone after it was verified. */
        public static final String JOIN_FINISHED = "join_finished";

        private Codes() {
        }
    }
}
