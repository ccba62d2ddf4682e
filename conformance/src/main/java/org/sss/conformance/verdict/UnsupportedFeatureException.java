package org.sss.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * Thrown by a step when the target lacks a feature the scenario needs; the scenario ends
 * {@link Verdict#UNSUPPORTED} (Cucumber reports it skipped).
 */
public final class UnsupportedFeatureException extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String feature) {
        super("unsupported by the target: " + feature);
    }
}
