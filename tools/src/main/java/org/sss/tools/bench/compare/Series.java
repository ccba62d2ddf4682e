package org.sss.tools.bench.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One contender's (or one ceiling's) values of one figure, one per repetition.
 *
 * @param status {@code ok}, {@code n/a} (the contender cannot run the workload) or {@code failed}
 * @param reason why it is n/a or failed; empty when ok
 * @param values the value of each repetition, null where none was measured (after a failure)
 * @param spread median, min and max of the values, null when there is none
 */
public record Series(String status, String reason, List<Double> values, Spread spread) {
    /** Status of a series with values. */
    public static final String OK = "ok";
    /** Status of a workload the contender cannot run. */
    public static final String NOT_APPLICABLE = "n/a";
    /** Status of a workload that failed. */
    public static final String FAILED = "failed";

    /** Copies the list (nulls kept). */
    public Series {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Whether it holds values (some may still be null). */
    public boolean ok() {
        return OK.equals(status);
    }

    /** {@code n/a: reason} or {@code failed: reason}; empty when ok. */
    public String verdict() {
        return ok() ? "" : status + ": " + reason;
    }
}
