package com.lightningpos.hub.sales;

import com.lightningpos.hub.api.ProblemException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Which sales a report covers: the days {@code from} to {@code to}, both included, in the report's
 * time zone; one shop or all (null).
 */
public record SalesFilter(LocalDate from, LocalDate to, UUID shopId) {

    /** A report spans at most this many days, so one request cannot scan years of sales. */
    public static final int MAX_DAYS = 366;

    public SalesFilter {
        if (from == null || to == null) {
            throw ProblemException.validation("A sales report needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw ProblemException.validation("The last day is before the first");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.validation("A sales report covers at most " + MAX_DAYS + " days");
        }
    }
}
