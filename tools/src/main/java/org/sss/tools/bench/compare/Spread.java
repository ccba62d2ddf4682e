package org.sss.tools.bench.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The median, minimum and maximum of some repetitions' values.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Spread(double median, double min, double max, int count) {
    /** The spread of the non-null, finite values of {@code values}, or null when there is none. */
    public static Spread of(List<Double> values) {
        double[] finite = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return null;
        }
        int n = finite.length;
        double median = n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
        return new Spread(median, finite[0], finite[n - 1], n);
    }

    /** Convenience for tests and callers with an array. */
    public static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
