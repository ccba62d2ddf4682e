package org.sss.conformance.verdict;

/**
 * The graded outcome of one scenario. Only {@link #FAIL} blames the implementation under test;
 * {@link #INCONCLUSIVE} is a harness or setup problem and is reported apart from failures.
 */
public enum Verdict {
    /** The IUT did what the spec requires. */
    PASS,
    /** The IUT did something the spec allows as an alternative (the reason names it). */
    PASS_LENIENT,
    /** The IUT broke the requirement the scenario checks. */
    FAIL,
    /** The IUT does not offer the feature the scenario needs (declared, or said so through its contract). */
    UNSUPPORTED,
    /** The scenario could not reach a verdict: the harness, the setup or an earlier scenario got in the way. */
    INCONCLUSIVE
}
