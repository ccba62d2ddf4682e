package org.sss.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * Thrown when a scenario cannot reach a verdict for a reason that is not the IUT's failure to follow
 * the requirement it checks (the IUT was not live before it started, the harness failed); the scenario
 * ends {@link Verdict#INCONCLUSIVE} (Cucumber reports it skipped).
 */
public final class InconclusiveException extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public InconclusiveException(String reason) {
        super("inconclusive: " + reason);
    }

    public InconclusiveException(String reason, Throwable cause) {
        super("inconclusive: " + reason, cause);
    }
}
