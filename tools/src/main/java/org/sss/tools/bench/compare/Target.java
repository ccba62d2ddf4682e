package org.sss.tools.bench.compare;

/**
 * One of the targets for SSS, evaluated from the run's figures.
 *
 * @param name what is required, e.g. "bulk x1 >= QUIC bulk x1"
 * @param ratio the measured ratio (median of the per-repetition ratios), NaN when it could not be measured
 * @param required the ratio the target asks for
 * @param atMost whether the ratio must stay at or below {@code required} (latency) rather than reach it
 * @param figures the medians it was computed from, as text
 * @param verdict {@code met}, {@code missed by X%}, or {@code n/a: reason}
 */
public record Target(String name, double ratio, double required, boolean atMost, String figures, String verdict) {
    /** Whether the target was met. */
    public boolean met() {
        return "met".equals(verdict);
    }
}
