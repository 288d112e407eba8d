package com.lightningpos.pos.catalog;

/**
 * EAN-13 arithmetic. Codes starting with 2 (prefixes 20–29) are restricted to in-store use; scales
 * and label printers put the item in the first 7 digits and a price or weight in digits 8–12.
 */
public final class Ean13 {

    private Ean13() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 13 && code.chars().allMatch(Character::isDigit)
                && checkDigit(code.substring(0, 12)) == code.charAt(12) - '0';
    }

    /** A valid EAN-13 for restricted in-store use, i.e. one that may carry a price or weight. */
    public static boolean isInStore(String code) {
        return isValid(code) && code.charAt(0) == '2';
    }

    /** The check digit of the first 12 digits: weights 1,3,1,3… from the left, to the next ten. */
    public static int checkDigit(String first12) {
        if (first12.length() != 12 || !first12.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Need 12 digits: " + first12);
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    public static String withCheckDigit(String first12) {
        return first12 + checkDigit(first12);
    }

    /** The item part of an in-store code (first 7 digits). */
    public static String itemPrefix(String code) {
        return code.substring(0, 7);
    }

    /** The value part of an in-store code (digits 8–12): cents or grams. */
    public static long embeddedValue(String code) {
        return Long.parseLong(code.substring(7, 12));
    }

    /** How an item's own barcode may be stored when it stands for all labels with its prefix. */
    public static String labelTemplate(String prefix7) {
        return withCheckDigit(prefix7 + "00000");
    }
}
