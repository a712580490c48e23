package dev.hindsight.search;

import java.util.Arrays;

/**
 * Non-negative integers as text that needs no escaping inside a JavaScript string: base-32 digits, low
 * digits first, where 32 characters end a number and 32 others say "more digits follow". Numbers below
 * 32 take one character, below 1024 two. The browser engine ({@code search.js}) decodes the same way.
 */
final class VarintText {
    /** The first 32 characters end a number; the other 32 are followed by more digits. */
    static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final int[] VALUES = values();

    private VarintText() {
    }

    private static int[] values() {
        int[] values = new int[128];
        Arrays.fill(values, -1);
        for (int i = 0; i < DIGITS.length(); i++) {
            values[DIGITS.charAt(i)] = i;
        }
        return values;
    }

    /** The digit a character stands for (below 32: the number's last digit). */
    static int value(char digit) {
        int value = digit < 128 ? VALUES[digit] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        return value;
    }

    static void append(StringBuilder out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        long rest = value;
        while (rest >= 32) {
            out.append(DIGITS.charAt(32 + (int) (rest & 31)));
            rest >>>= 5;
        }
        out.append(DIGITS.charAt((int) rest));
    }
}
