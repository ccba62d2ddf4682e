package org.sss.conformance.fuzz;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param status the final counts
 * @param findings every failure found, with its reproducer
 */
public record FuzzResult(FuzzStatus status, List<Finding> findings) {
    public FuzzResult {
        findings = List.copyOf(findings);
    }
}
