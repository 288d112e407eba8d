package com.lightningpos.pos.sale;

/**
 * Integer cent arithmetic. Every rounding is half away from zero, so a refund (negative) rounds
 * exactly like the sale it mirrors; overflow throws instead of wrapping.
 */
final class Money {

    private Money() {
    }

    /** {@code numerator / denominator} rounded half away from zero; {@code denominator > 0}. */
    static long divide(long numerator, long denominator) {
        if (numerator < 0) {
            return -divide(-numerator, denominator);
        }
        long quotient = numerator / denominator;
        long remainder = numerator % denominator;
        return 2 * remainder >= denominator ? quotient + 1 : quotient;
    }

    /** {@code a * b / denominator}, rounded as {@link #divide}. */
    static long multiplyDivide(long a, long b, long denominator) {
        return divide(Math.multiplyExact(a, b), denominator);
    }

    /** {@code cents} rounded to the nearest multiple of {@code step} (cash rounding). */
    static long roundToStep(long cents, long step) {
        return step <= 1 ? cents : divide(cents, step) * step;
    }

    /**
     * Splits {@code amount} over {@code weights} proportionally so that the shares add up to
     * {@code amount} exactly (largest remainder: each share is rounded down, then the cents left over
     * go one by one to the largest remainders, earlier lines first on a tie). With
     * {@code 0 <= amount <= sum(weights)} no share exceeds its weight.
     */
    static long[] allocate(long amount, long[] weights) {
        long[] shares = new long[weights.length];
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        if (amount == 0 || total == 0) {
            return shares;
        }
        long[] remainders = new long[weights.length];
        long left = amount;
        for (int i = 0; i < weights.length; i++) {
            long product = Math.multiplyExact(amount, weights[i]);
            shares[i] = product / total;
            remainders[i] = product % total;
            left -= shares[i];
        }
        while (left > 0) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            left--;
        }
        return shares;
    }

    /** "12.34" / "-0.05", for messages a cashier reads. */
    static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return String.format("%s%d.%02d", sign, abs / 100, abs % 100);
    }
}
