package org.sss.tools.bench.compare;

import static org.sss.tools.bench.OptionRange.requireBetween;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sss bench} runs. Every value is checked here, and a wrong one is refused with a
 * message naming its option.
 *
 * @param contenders contender ids in the order they run within a repetition ({@code --contenders})
 * @param repetitions reported repetitions, 1 to {@value #MAX_REPETITIONS}
 * @param warmup unreported repetitions first, 0 to {@value #MAX_WARMUP}
 * @param megabytes MB (10^6 bytes) per bulk measurement, 1 to {@value #MAX_MEGABYTES}
 * @param streams concurrent streams of the second bulk workload, 2 to {@value #MAX_STREAMS}
 * @param manyStreams streams held open by the many-streams workload, 1 to {@value #MAX_MANY_STREAMS}
 * @param seconds length of each rate and latency measurement, 1 to {@value #MAX_SECONDS}
 * @param concurrency clients of the handshake workload, 1 to {@value #MAX_CONCURRENCY}
 * @param lossPercents loss rates of the loss workload, each from 0 (the impaired link's own baseline: MTU 1500,
 *        offloads off, a child JVM) to below 100; empty for none
 * @param lossMegabytes MB per bulk measurement under loss, 1 to {@value #MAX_MEGABYTES}
 * @param workloads the workloads to run, in {@link Workload} order
 * @param seed fixes every key and payload
 */
public record CompareSettings(List<String> contenders, int repetitions, int warmup, int megabytes, int streams,
        int manyStreams, int seconds, int concurrency, List<Double> lossPercents, int lossMegabytes,
        List<Workload> workloads, long seed) {
    /** The most repetitions. */
    public static final int MAX_REPETITIONS = 99;
    /** The most warm-up repetitions. */
    public static final int MAX_WARMUP = 10;
    /** The most MB per bulk measurement. */
    public static final int MAX_MEGABYTES = 100_000;
    /** The most concurrent bulk streams. */
    public static final int MAX_STREAMS = 10_000;
    /** The most streams of the many-streams workload. */
    public static final int MAX_MANY_STREAMS = 1_000_000;
    /** The longest rate or latency measurement. */
    public static final int MAX_SECONDS = 600;
    /** The most concurrent handshaking clients. */
    public static final int MAX_CONCURRENCY = 256;
    /** Streams opened at a time by the many-streams workload. */
    public static final int MANY_STREAMS_IN_FLIGHT = 64;

    /** Checks every value, naming the option that is wrong; copies the lists. */
    public CompareSettings {
        if (contenders == null || contenders.isEmpty()) {
            throw new IllegalArgumentException("--contenders must name at least one of " + Contenders.IDS);
        }
        for (String id : contenders) {
            if (!Contenders.IDS.contains(id)) {
                throw new IllegalArgumentException("--contenders: unknown contender '" + id + "', expected some of "
                        + String.join(",", Contenders.IDS));
            }
        }
        if (new LinkedHashSet<>(contenders).size() != contenders.size()) {
            throw new IllegalArgumentException("--contenders names a contender twice: " + String.join(",", contenders));
        }
        contenders = List.copyOf(contenders);
        requireBetween("--repetitions", repetitions, 1, MAX_REPETITIONS);
        requireBetween("--warmup", warmup, 0, MAX_WARMUP);
        requireBetween("--megabytes", megabytes, 1, MAX_MEGABYTES);
        requireBetween("--streams", streams, 2, MAX_STREAMS);
        requireBetween("--many-streams", manyStreams, 1, MAX_MANY_STREAMS);
        requireBetween("--seconds", seconds, 1, MAX_SECONDS);
        requireBetween("--concurrency", concurrency, 1, MAX_CONCURRENCY);
        requireBetween("--loss-megabytes", lossMegabytes, 1, MAX_MEGABYTES);
        if (lossPercents == null) {
            lossPercents = List.of();
        }
        for (Double percent : lossPercents) {
            if (percent == null || !(percent >= 0 && percent < 100)) {
                throw new IllegalArgumentException("--loss: each rate must be a percentage from 0 to below 100, got "
                        + percent);
            }
        }
        if (new LinkedHashSet<>(lossPercents).size() != lossPercents.size()) {
            throw new IllegalArgumentException("--loss names a rate twice: " + lossPercents);
        }
        lossPercents = List.copyOf(lossPercents);
        if (workloads == null || workloads.isEmpty()) {
            throw new IllegalArgumentException("--workloads must name at least one of " + Workload.names());
        }
        workloads = Workload.inOrder(workloads);
    }

    /** Bytes per bulk measurement. */
    public long bulkBytes() {
        return megabytes * 1_000_000L;
    }

    /** Bytes per bulk measurement under loss. */
    public long lossBytes() {
        return lossMegabytes * 1_000_000L;
    }

    /** Whether {@code workload} runs. */
    public boolean runs(Workload workload) {
        return workloads.contains(workload);
    }

    /** The defaults of {@code sss bench} with this seed: all contenders and workloads. */
    public static CompareSettings defaults(long seed) {
        return new CompareSettings(Contenders.IDS, 5, 1, 200, 100, 10_000, 3, 4, List.of(1.0, 5.0), 50,
                List.of(Workload.values()), seed);
    }

    /**
     * Parses {@code --loss}: comma-separated percentages ({@code 1,5} or {@code 0.5, 2}), or {@code none}.
     *
     * @throws IllegalArgumentException naming the option when a rate is not a number
     */
    public static List<Double> parseLoss(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("none") || trimmed.isEmpty()) {
            return List.of();
        }
        List<Double> rates = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String rate = part.trim().replaceFirst("%$", "");
            try {
                rates.add(Double.parseDouble(rate));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--loss: '" + part.trim()
                        + "' is not a percentage (expected e.g. 1,5 or none)");
            }
        }
        return rates;
    }

    /** Parses a comma-separated list of ids, lower-cased, blanks dropped. */
    public static List<String> parseList(String text) {
        List<String> items = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                items.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }
}
