package com.lightningpos.etl.change;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a row's own fault from a fault of the database or the process. A constraint violation
 * (unique, foreign key, check, not null) or an unconvertible value is the row's fault: it goes to
 * quarantine and the batch goes on. Anything else (disk full, I/O error, a bug) may hit every row,
 * so the whole batch is rolled back and retried later.
 */
public final class ApplyFailures {

    private ApplyFailures() {
    }

    public static boolean isRowFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RowRejectedException) {
                return true;
            }
            if (t instanceof SQLiteException sqlite) {
                return (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("SQLITE_CONSTRAINT")) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for people: the deepest message, without the JDBC noise. */
    public static String reason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
