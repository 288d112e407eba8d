package com.lightningpos.hub.common;

/** LIKE patterns from user input, with the wildcards in it escaped (PostgreSQL's default escape is a backslash). */
public final class Like {

    private Like() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * A prefix pattern. Callers inline it into the SQL (jOOQ quotes it safely): with a literal the
     * planner can turn the prefix into an index range, with a bind variable a generic plan cannot.
     */
    public static String prefix(String text) {
        return escape(text) + "%";
    }

    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }
}
