package org.sss.conformance.report;

import org.sss.conformance.verdict.Verdict;

/**
 * A scenario's verdict as the run reports it: the graded {@link Verdict}, or, when the IUT's expectation
 * profile names the scenario as an expected failure, {@link #EXPECTED_FAIL} or {@link #UNEXPECTED_PASS}.
 */
public enum Outcome {
    PASS("pass"),
    PASS_LENIENT("lenient"),
    FAIL("FAIL"),
    EXPECTED_FAIL("xfail"),
    UNEXPECTED_PASS("upass"),
    UNSUPPORTED("unsupported"),
    INCONCLUSIVE("inconclusive");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The short name in tables: {@code pass}, {@code lenient}, {@code FAIL}, ... */
    public String label() {
        return label;
    }

    /**
     * How bad the outcome is, for picking the worst of several: FAIL outranks inconclusive, which
     * outranks an expected failure, unsupported, an unexpected pass, lenient, and pass.
     */
    public int severity() {
        return switch (this) {
            case PASS -> 0;
            case PASS_LENIENT -> 1;
            case UNEXPECTED_PASS -> 2;
            case UNSUPPORTED -> 3;
            case EXPECTED_FAIL -> 4;
            case INCONCLUSIVE -> 5;
            case FAIL -> 6;
        };
    }

    /** The outcome of a verdict that no profile changed. */
    public static Outcome of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PASS;
            case PASS_LENIENT -> PASS_LENIENT;
            case FAIL -> FAIL;
            case UNSUPPORTED -> UNSUPPORTED;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /** Whether the IUT did what the scenario checks (strictly, leniently, or against a profile's expectation). */
    public boolean passed() {
        return this == PASS || this == PASS_LENIENT || this == UNEXPECTED_PASS;
    }
}
