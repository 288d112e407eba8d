package com.lightningpos.hub.join;

import com.lightningpos.hub.api.ProblemException;
import java.util.Locale;

/** {@code catalog_proposals.status}; {@code null} in a filter means every status. */
public enum ProposalStatus {
    OPEN, ACCEPTED, REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request parameter: open, accepted, rejected or all (null). */
    public static ProposalStatus parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("status must be open, accepted, rejected or all, not " + text);
        }
    }
}
