package com.lightningpos.etl.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cleans up the obvious mistakes in a till's hand-kept catalog before it is matched against the
 * hub's: stray whitespace in SKUs and names, spaces and dashes in barcodes, and a wrong check digit
 * on an EAN-13, EAN-8 or UPC-A. Pure functions, so the hub's matcher and its tests agree exactly.
 */
public final class CatalogNormaliser {

    /** Notes that say what was changed (the wire names of the join protocol). */
    public static final String BARCODE_WHITESPACE_REMOVED = "barcode_whitespace_removed";
    public static final String BARCODE_DASHES_REMOVED = "barcode_dashes_removed";
    public static final String BARCODE_CHECK_DIGIT_CORRECTED = "barcode_check_digit_corrected";
    public static final String SKU_WHITESPACE_NORMALISED = "sku_whitespace_normalised";
    public static final String NAME_WHITESPACE_NORMALISED = "name_whitespace_normalised";

    private CatalogNormaliser() {
    }

    /** Trimmed, inner runs of whitespace collapsed to one space; null when nothing is left. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String cleaned = raw.strip().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The SKU as compared (normalised text, lower case); null when blank. */
    public static String skuKey(String raw) {
        String sku = text(raw);
        return sku == null ? null : sku.toLowerCase(Locale.ROOT);
    }

    /** A barcode after clean-up, with the codes a hub item may carry for it. */
    public static Barcode barcode(String raw) {
        if (raw == null) {
            return Barcode.NONE;
        }
        List<String> notes = new ArrayList<>();
        String withoutSpaces = raw.replaceAll("\\s+", "");
        if (!withoutSpaces.equals(raw) && !withoutSpaces.isEmpty()) {
            notes.add(BARCODE_WHITESPACE_REMOVED);
        }
        String code = withoutSpaces.replace("-", "");
        if (!code.equals(withoutSpaces) && !code.isEmpty()) {
            notes.add(BARCODE_DASHES_REMOVED);
        }
        if (code.isEmpty()) {
            return Barcode.NONE;
        }
        if (!isGtin(code)) {
            return new Barcode(code, List.of(code), null, List.of(), notes);
        }
        if (checkDigitValid(code)) {
            return new Barcode(code, equivalents(code), null, List.of(), notes);
        }
        String corrected = code.substring(0, code.length() - 1) + checkDigit(code.substring(0, code.length() - 1));
        return new Barcode(code, equivalents(code), corrected, equivalents(corrected), notes);
    }

    /** An EAN-13, EAN-8 or UPC-A by shape: all digits, 8, 12 or 13 long. */
    static boolean isGtin(String code) {
        int n = code.length();
        return (n == 8 || n == 12 || n == 13) && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** GS1 mod-10 check: from the right, weights 3,1,3,... over the digits before the check digit. */
    public static boolean checkDigitValid(String code) {
        if (!isGtin(code)) {
            return false;
        }
        return code.charAt(code.length() - 1) - '0' == checkDigit(code.substring(0, code.length() - 1));
    }

    /** The GS1 check digit for {@code body} (the code without its last digit). */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The same GTIN as the hub may store it: a UPC-A is also its EAN-13 with a leading 0, and back. */
    static List<String> equivalents(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        if (code.length() == 12) {
            codes.add("0" + code);
        } else if (code.length() == 13 && code.charAt(0) == '0') {
            codes.add(code.substring(1));
        }
        return List.copyOf(codes);
    }

    /**
     * @param code        the barcode without spaces and dashes, null when none
     * @param exact       codes that are this barcode (itself, and its UPC-A/EAN-13 twin)
     * @param corrected   the code with its check digit recomputed, when the given one was wrong; else null
     * @param correctedEquivalents {@code corrected} and its twin, tried only when nothing matched {@code exact}
     * @param notes       what the clean-up changed
     */
    public record Barcode(String code, List<String> exact, String corrected, List<String> correctedEquivalents,
                          List<String> notes) {

        static final Barcode NONE = new Barcode(null, List.of(), null, List.of(), List.of());

        public Barcode {
            exact = List.copyOf(exact);
            correctedEquivalents = List.copyOf(correctedEquivalents);
            notes = List.copyOf(notes);
        }

        public boolean present() {
            return code != null;
        }
    }
}
