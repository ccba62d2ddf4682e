package org.sss.conformance.report;

import java.time.Instant;

/**
 * One step (or hook) of a scenario as it ran, for the timeline of an evidence bundle.
 *
 * @param started  when it started
 * @param text     {@code Given ...} for a step, {@code hook ...} for a hook
 * @param status   Cucumber's status name, or null while it runs
 * @param error    what it threw, or null
 */
public record StepRecord(Instant started, String text, String status, Throwable error) {
    /** This step, finished. */
    public StepRecord finish(String finalStatus, Throwable thrown) {
        return new StepRecord(started, text, finalStatus, thrown);
    }
}
