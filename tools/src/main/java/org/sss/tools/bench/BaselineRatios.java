package org.sss.tools.bench;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The ratio of each JMH result to its {@link Baseline}'s result from the same run, on the medians
 * of the measurement iterations.
 */
public final class BaselineRatios {

    /**
     * One benchmark beside its baseline.
     *
     * @param benchmark the benchmark's class and method
     * @param baseline the baseline's method, in the same class
     * @param unit the unit of both scores
     * @param median the benchmark's median iteration score
     * @param baselineMedian the baseline's median iteration score
     * @param mode the benchmark mode of both
     */
    public record Row(String benchmark, String baseline, String unit, double median, double baselineMedian, Mode mode) {
        /** {@code median / baselineMedian}: in time per operation, the cost as a multiple of the ceiling's. */
        public double ratio() {
            return median / baselineMedian;
        }
    }

    private BaselineRatios() {
    }

    /**
     * The rows for every result whose method names a baseline; when the baseline did not run or
     * was measured differently, {@code baselineMedian} is NaN.
     */
    public static List<Row> of(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            Baseline baseline = baselineOf(name);
            if (baseline == null) {
                continue;
            }
            String baselineName = name.substring(0, name.lastIndexOf('.') + 1) + baseline.value();
            Result primary = result.getPrimaryResult();
            double baselineMedian = Double.NaN;
            for (RunResult other : results) {
                if (other.getParams().getBenchmark().equals(baselineName)
                        && other.getParams().getMode() == result.getParams().getMode()
                        && other.getPrimaryResult().getScoreUnit().equals(primary.getScoreUnit())) {
                    baselineMedian = median(other);
                }
            }
            rows.add(new Row(shortName(name), baseline.value(), primary.getScoreUnit(), median(result), baselineMedian,
                    result.getParams().getMode()));
        }
        return rows;
    }

    /** Prints the rows as a table, with a line saying how to read it. */
    public static void print(Collection<RunResult> results, PrintWriter out) {
        List<Row> rows = of(results);
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Beside the ceiling (medians of the measurement iterations, same run):");
        for (Row row : rows) {
            if (Double.isNaN(row.baselineMedian())) {
                out.printf(Locale.ROOT, "  %-42s %12.3f %-8s baseline %s not in this run%n", row.benchmark(),
                        row.median(), row.unit(), row.baseline());
            } else {
                out.printf(Locale.ROOT, "  %-42s %12.3f %-8s %-24s %12.3f %-8s ratio %6.3f%n", row.benchmark(),
                        row.median(), row.unit(), row.baseline(), row.baselineMedian(), row.unit(), row.ratio());
            }
        }
        out.println("  ratio = benchmark / ceiling; in time per operation, 1.25 means the ceiling's work is 80 % of the"
                + " cost.");
        out.flush();
    }

    private static double median(RunResult result) {
        return result.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static Baseline baselineOf(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(benchmark.substring(0, dot));
            String methodName = benchmark.substring(dot + 1);
            for (Method method : type.getMethods()) {
                if (method.getName().equals(methodName) && method.isAnnotationPresent(Baseline.class)) {
                    return method.getAnnotation(Baseline.class);
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
