package com.lightningpos.e2e.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The till shows amounts as "€12.50" / "-€3.00" (two decimals, no grouping); these turn cents into text and back. */
public final class Money {

    private static final Pattern AMOUNT = Pattern.compile("(-?)\\D*?(\\d+)\\.(\\d{2})");

    private Money() {
    }

    /** "12.50" for 1250: what a cashier types into a tender field. */
    public static String amount(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + (abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /** Cents of the first amount in a text such as "€12.50" or "Change -€0.40". */
    public static long cents(String text) {
        Matcher m = AMOUNT.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("No amount in \"" + text + "\"");
        }
        long cents = Long.parseLong(m.group(2)) * 100 + Long.parseLong(m.group(3));
        return m.group(1).isEmpty() ? cents : -cents;
    }
}
