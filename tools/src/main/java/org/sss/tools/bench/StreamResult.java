package org.sss.tools.bench;

import java.util.Objects;

/**
 * One line of the {@code sss bench streams} report: a measured figure beside its baseline from the
 * same run, each summarised over the repetitions, and the median of their per-repetition ratios.
 *
 * @param name what was measured, e.g. {@code bulk goodput, 1 stream}
 * @param unit the unit of the measured value and of the baseline
 * @param measured the measured value per repetition; null when the workload failed
 * @param baselineName what the baseline is
 * @param baseline the baseline per repetition; null when the workload failed
 * @param ratio measured / baseline per repetition; null when the two do not make a meaningful ratio
 *     (or the workload failed)
 * @param note how to read the line, or empty
 * @param failure why the workload did not finish, or null
 */
public record StreamResult(String name, String unit, StreamSummary measured, String baselineName, StreamSummary baseline,
        StreamSummary ratio, String note, String failure) {

    /** Checks that a line has a name, a unit and either results or a failure. */
    public StreamResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baselineName, "baselineName");
        Objects.requireNonNull(note, "note");
        if (failure == null && (measured == null || baseline == null)) {
            throw new IllegalArgumentException("a result without a failure needs measured and baseline values");
        }
    }

    /**
     * A line whose ratio is measured / baseline per repetition.
     *
     * @param measured one value per repetition
     * @param baseline one value per repetition, measured beside {@code measured}'s
     */
    public static StreamResult withRatio(String name, String unit, double[] measured, String baselineName,
            double[] baseline, String note) {
        return new StreamResult(name, unit, StreamSummary.of(measured), baselineName, StreamSummary.of(baseline),
                StreamSummary.ofRatios(measured, baseline), note, null);
    }

    /** A line with a baseline beside it but no ratio (the two are not two costs of the same work). */
    public static StreamResult withoutRatio(String name, String unit, double[] measured, String baselineName,
            double[] baseline, String note) {
        return new StreamResult(name, unit, StreamSummary.of(measured), baselineName, StreamSummary.of(baseline), null,
                note, null);
    }

    /** A line for a workload that did not finish. */
    public static StreamResult failed(String name, String unit, String baselineName, String failure) {
        return new StreamResult(name, unit, null, baselineName, null, null, "", Objects.requireNonNull(failure, "failure"));
    }

    /** Whether the workload finished every repetition. */
    public boolean succeeded() {
        return failure == null;
    }
}
