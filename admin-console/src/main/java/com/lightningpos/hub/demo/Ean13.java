package com.lightningpos.hub.demo;

/** EAN-13 check digits, so demo barcodes scan like real ones. */
final class Ean13 {

    private Ean13() {
    }

    static int checkDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = first12.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }
}
