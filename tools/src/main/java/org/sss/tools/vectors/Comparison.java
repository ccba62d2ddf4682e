package org.sss.tools.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Collects what differs between a test's expected values and what the reference implementation
 * computes, one {@code field: expected …, actual …} entry per difference (h2spec's
 * Expected / Actual form). Long byte strings are shown around their first difference.
 */
final class Comparison {
    /** Byte strings up to this length are shown whole. */
    private static final int SHOWN_WHOLE = 64;
    /** Bytes shown from the first difference of a longer string. */
    private static final int WINDOW = 32;

    private final List<String> problems = new ArrayList<>();

    /** Records a difference between two byte strings. */
    Comparison bytes(String field, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            problems.add(field + ": " + describe(expected, actual));
        }
        return this;
    }

    /** Records a difference between two values. */
    Comparison value(String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(field + ": expected " + expected + ", actual " + actual);
        }
        return this;
    }

    /** Records a problem that is not a difference of values. */
    Comparison fail(String problem) {
        problems.add(problem);
        return this;
    }

    /** Records every problem of another comparison. */
    Comparison addAll(List<String> more) {
        problems.addAll(more);
        return this;
    }

    /** The problems recorded so far. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Whether nothing differed. */
    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** {@code expected X, actual Y}, or the first difference of long strings. */
    static String describe(byte[] expected, byte[] actual) {
        HexFormat hex = HexFormat.of();
        if (actual == null) {
            return "expected " + hex.formatHex(expected) + ", actual none";
        }
        if (expected.length <= SHOWN_WHOLE && actual.length <= SHOWN_WHOLE) {
            return "expected " + hex.formatHex(expected) + ", actual " + hex.formatHex(actual);
        }
        int at = Arrays.mismatch(expected, actual);
        return "expected " + expected.length + " bytes, actual " + actual.length + "; first difference at byte " + at
                + ": expected " + window(expected, at) + ", actual " + window(actual, at);
    }

    private static String window(byte[] bytes, int from) {
        if (from >= bytes.length) {
            return "(end)";
        }
        int to = Math.min(bytes.length, from + WINDOW);
        return HexFormat.of().formatHex(bytes, from, to) + (to < bytes.length ? "..." : "");
    }
}
