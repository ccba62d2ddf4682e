package org.sss.tools.bench;

import java.util.Arrays;

/**
 * The median, minimum and maximum of a few repetitions' values, as {@code sss bench streams}
 * prints them, and the order statistics it needs: the median of doubles and nearest-rank
 * percentiles of a sorted {@code long[]} (the latency samples; HdrHistogram is not a dependency of
 * the tools module).
 *
 * @param median the median of {@code values}: the middle one, or the mean of the two middle ones
 * @param min the smallest value
 * @param max the largest value
 * @param values the values in the order they were measured (a copy)
 */
public record StreamSummary(double median, double min, double max, double[] values) {

    /** Keeps its own copy of the values. */
    public StreamSummary {
        values = values.clone();
    }

    /**
     * Summarises the values.
     *
     * @throws IllegalArgumentException if there are none, or one is NaN
     */
    public static StreamSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: none to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("values: NaN in " + Arrays.toString(values));
        }
        return new StreamSummary(median(values), sorted[0], sorted[sorted.length - 1], values);
    }

    /**
     * The per-repetition ratios {@code numerators[i] / denominators[i]}, summarised: the median of
     * ratios, not the ratio of medians, so that each ratio compares two values measured side by side.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static StreamSummary ofRatios(double[] numerators, double[] denominators) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException("ratios: " + numerators.length + " numerators but " + denominators.length
                    + " denominators");
        }
        double[] ratios = new double[numerators.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = numerators[i] / denominators[i];
        }
        return of(ratios);
    }

    /** The median of {@code values} (unchanged): the middle value, or the mean of the two middle values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: no median of nothing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample such that at least
     * {@code percent} % of the samples are no larger, i.e. {@code sorted[ceil(percent / 100 * n) - 1]}.
     *
     * @param sorted samples in ascending order, at least one
     * @param percent above 0, at most 100
     */
    public static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("sorted: no percentile of nothing");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be above 0 and at most 100, got " + percent);
        }
        // percent * n first: exact for whole percents, where percent / 100 is not (0.99 * 100 > 99)
        long rank = (long) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
        return sorted[(int) Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamSummary s && Double.compare(s.median, median) == 0 && Double.compare(s.min, min) == 0
                && Double.compare(s.max, max) == 0 && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "StreamSummary[median=" + median + ", min=" + min + ", max=" + max + ", values=" + Arrays.toString(values)
                + "]";
    }
}
