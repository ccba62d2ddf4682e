package org.sss.tools.bench.compare;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sss.tools.bench.Figures;

/**
 * {@code sss bench}: every contender and the ceilings, side by side, in one run.
 *
 * <p>The warm-up repetitions come first and are not reported; then each repetition runs every
 * workload, and within a workload every contender in turn (sss, quic, tls), so that whatever the
 * machine does meanwhile (another process, thermal throttling) falls on all of them alike. The
 * ceilings are measured in every repetition too, so that a ratio to a ceiling pairs figures
 * measured minutes apart, not hours.
 *
 * <p>A contender that throws {@link UnsupportedOperationException} is reported {@code n/a} with its
 * message; any other failure is reported {@code failed} with its reason, and that workload is not
 * run again for that contender; everything else goes on.
 */
public final class CompareRunner {
    private final CompareSettings settings;
    private final List<Contender> contenders;
    private final Ceilings ceilings;
    private final Impairment impairment;
    private final String commandLine;
    private final PrintWriter out;
    private final Loopback loopback = Loopback.ipv4();
    private final Map<String, Collected> collected = new LinkedHashMap<>();

    /**
     * A runner.
     *
     * @param settings what to run
     * @param contenders the contenders, in running order (ids matching {@code settings.contenders()})
     * @param ceilings the ceilings' measurements
     * @param impairment the lossy link of the loss workload
     * @param commandLine the command line, for the report
     * @param out where progress and the tables go
     */
    public CompareRunner(CompareSettings settings, List<Contender> contenders, Ceilings ceilings, Impairment impairment,
            String commandLine, PrintWriter out) {
        this.settings = settings;
        this.contenders = List.copyOf(contenders);
        this.ceilings = ceilings;
        this.impairment = impairment;
        this.commandLine = commandLine;
        this.out = out;
    }

    /** What one figure is. */
    private record Figure(String key, String name, String shortName, String unit, boolean higherIsBetter,
            boolean againstCeilings) {
    }

    /** One measurement of a workload: by a contender, or of a ceiling ({@code contender} null). */
    @FunctionalInterface
    private interface Step {
        Map<String, Double> measure(Contender contender, long seed) throws Exception;
    }

    /** A workload as run: its figures and how to measure them. */
    private record Unit(String label, List<Figure> figures, boolean ceiling, Step step) {
    }

    /** One figure's values so far, by series id. */
    private final class Collected {
        final Figure figure;
        final Map<String, Double[]> values = new LinkedHashMap<>();
        final Map<String, String[]> verdicts = new LinkedHashMap<>();

        Collected(Figure figure, List<String> seriesIds) {
            this.figure = figure;
            for (String id : seriesIds) {
                values.put(id, new Double[settings.repetitions()]);
            }
        }
    }

    /** Runs the warm-up and the repetitions, printing progress and then the tables; returns the report. */
    public CompareReport run() throws InterruptedException {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        header();
        List<Unit> units = units();
        for (Unit unit : units) {
            List<String> ids = unit.ceiling() ? List.of(Row.CEILING) : contenders.stream().map(Contender::id).toList();
            for (Figure figure : unit.figures()) {
                collected.put(figure.key(), new Collected(figure, ids));
            }
        }
        Map<String, String> stopped = new LinkedHashMap<>();
        if (settings.runs(Workload.LOSS) && !settings.lossPercents().isEmpty()) {
            impairment.unavailable().ifPresent(reason -> {
                out.println("loss: n/a: " + reason);
                for (Unit unit : units) {
                    if (unit.label().contains("loss")) {
                        for (Contender contender : contenders) {
                            stopped.put(unit.label() + "/" + contender.id(), Series.NOT_APPLICABLE + ": " + reason);
                        }
                    }
                }
            });
        }
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        int rounds = settings.warmup() + settings.repetitions();
        for (int round = 0; round < rounds; round++) {
            int index = round - settings.warmup();
            String label = index < 0 ? "warm-up " + (round + 1) + "/" + settings.warmup()
                    : "repetition " + (index + 1) + "/" + settings.repetitions();
            SplittableRandom roundSeeds = seeds.split();
            for (Unit unit : units) {
                runUnit(unit, label, index, roundSeeds, stopped);
            }
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            try {
                descriptions.put(contender.id(), contender.displayName() + ": " + contender.describe());
            } catch (RuntimeException e) {
                descriptions.put(contender.id(), contender.id() + ": (describe() failed: " + describe(e) + ")");
            }
        }
        List<Row> rows = rows(stopped);
        CompareReport report = new CompareReport(CompareReport.TITLE, started, commandLine, settings.seed(), settings,
                Machine.current(descriptions), displayNames(), rows, Targets.evaluate(rows, settings));
        out.println();
        out.print(report.consoleTable());
        out.flush();
        return report;
    }

    private void header() {
        out.printf(Locale.ROOT, "%s: %s on %s in one JVM; %d repetition(s) after %d warm-up; bulk %d MB, 1 and %d "
                + "stream(s); %d s per rate/latency measurement; %d handshaking clients; %d streams held open; loss %s "
                + "(%d MB each); %d cores%n", CompareReport.TITLE, String.join(", ", settings.contenders()),
                loopback.address().getHostAddress(), settings.repetitions(), settings.warmup(), settings.megabytes(),
                settings.streams(), settings.seconds(), settings.concurrency(), settings.manyStreams(),
                settings.lossPercents().isEmpty() ? "none" : percents(settings.lossPercents()), settings.lossMegabytes(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "workloads: %s%n",
                String.join(",", settings.workloads().stream().map(Workload::option).toList()));
        out.printf(Locale.ROOT, "seed=%d (replay the keys and payloads with --seed %d)%n", settings.seed(),
                settings.seed());
        if (settings.repetitions() < 5) {
            out.println("note: fewer than 5 repetitions; the spread says little");
        }
        out.flush();
    }

    private void runUnit(Unit unit, String label, int index, SplittableRandom seeds, Map<String, String> stopped)
            throws InterruptedException {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s | %s:", label, unit.label()));
        List<Contender> runners = unit.ceiling() ? Arrays.asList((Contender) null) : contenders;
        for (Contender contender : runners) {
            String id = contender == null ? Row.CEILING : contender.id();
            long seed = seeds.nextLong();
            String key = unit.label() + "/" + id;
            if (stopped.containsKey(key)) {
                line.append(unit.ceiling() ? " " : " " + id + " ").append(stopped.get(key)).append(";");
                continue;
            }
            try {
                Map<String, Double> values = unit.step().measure(contender, seed);
                StringBuilder shown = new StringBuilder();
                for (Figure figure : unit.figures()) {
                    Double value = values.get(figure.key());
                    if (value == null || !Double.isFinite(value) || value < 0) {
                        throw new IllegalStateException(figure.name() + ": no valid value (" + value + ")");
                    }
                    if (index >= 0) {
                        collected.get(figure.key()).values.get(id)[index] = value;
                    }
                    shown.append(shown.length() == 0 ? "" : ", ").append(figure.shortName().isEmpty() ? ""
                            : figure.shortName() + " ").append(Figures.number(value)).append(' ')
                            .append(figure.unit());
                }
                line.append(unit.ceiling() ? " " : " " + id + " ").append(shown).append(";");
            } catch (UnsupportedOperationException e) {
                String verdict = Series.NOT_APPLICABLE + ": " + describe(e);
                stopped.put(key, verdict);
                line.append(" ").append(id).append(" ").append(verdict).append(";");
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | AssertionError e) {
                String verdict = Series.FAILED + ": " + describe(e);
                stopped.put(key, verdict);
                line.append(" ").append(id).append(" ").append(verdict).append(" (not run again);");
            }
        }
        out.println(line);
        out.flush();
    }

    /** The workloads of this run, each with its figures, in running order. */
    private List<Unit> units() {
        Duration duration = Duration.ofSeconds(settings.seconds());
        List<Unit> units = new ArrayList<>();
        if (settings.runs(Workload.CEILINGS)) {
            units.add(new Unit("crypto ceiling", List.of(new Figure("ceiling.crypto",
                    "crypto ceiling: XSalsa20-Poly1305 seal+open, full-size packets, 1 core", "", "MB/s", true, false)),
                    true, (c, seed) -> Map.of("ceiling.crypto", ceilings.cryptoMegabytesPerSecondPerCore(duration, seed))));
            units.add(new Unit("UDP ceiling", List.of(
                    new Figure("ceiling.udp.packets", "UDP ceiling: packets, no crypto", "", "packets/s", true, false),
                    new Figure("ceiling.udp.megabytes", "UDP ceiling: payload, no crypto", "", "MB/s", true, false)),
                    true, (c, seed) -> {
                        Ceilings.UdpRate rate = ceilings.udp(loopback, duration, seed);
                        return Map.of("ceiling.udp.packets", rate.packetsPerSecond(), "ceiling.udp.megabytes",
                                rate.megabytesPerSecond());
                    }));
        }
        if (settings.runs(Workload.BULK_ONE)) {
            units.add(new Unit("bulk x1", List.of(new Figure("bulk1", "bulk goodput, 1 stream", "", "MB/s", true, true)),
                    false, (c, seed) -> Map.of("bulk1", c.bulk(loopback, settings.bulkBytes(), 1, seed))));
        }
        if (settings.runs(Workload.BULK_MANY)) {
            int streams = settings.streams();
            units.add(new Unit("bulk x" + streams, List.of(new Figure("bulkn",
                    "bulk goodput, " + streams + " streams", "", "MB/s", true, true)),
                    false, (c, seed) -> Map.of("bulkn", c.bulk(loopback, settings.bulkBytes(), streams, seed))));
        }
        if (settings.runs(Workload.HANDSHAKES)) {
            units.add(new Unit("handshakes", List.of(new Figure("handshakes",
                    "full handshakes, " + settings.concurrency() + " clients", "", "/s", true, false)),
                    false, (c, seed) -> Map.of("handshakes",
                            c.handshakesPerSecond(loopback, duration, settings.concurrency(), seed))));
        }
        if (settings.runs(Workload.FIRST_BYTE)) {
            units.add(new Unit("first byte", List.of(
                    new Figure("ttfb.p50", "time to first byte, fresh connection, p50", "p50", "µs", false, false),
                    new Figure("ttfb.p99", "time to first byte, fresh connection, p99", "p99", "µs", false, false)),
                    false, (c, seed) -> {
                        long[] samples = sorted("time to first byte", c.timeToFirstByte(loopback, duration, seed));
                        return Map.of("ttfb.p50", micros(samples, 50), "ttfb.p99", micros(samples, 99));
                    }));
        }
        if (settings.runs(Workload.REQUEST_RESPONSE)) {
            units.add(new Unit("request/response", List.of(
                    new Figure("rr.p50.existing", "request/response p50, existing stream", "existing p50", "µs", false,
                            false),
                    new Figure("rr.p99.existing", "request/response p99, existing stream", "p99", "µs", false, false),
                    new Figure("rr.p50.fresh", "request/response p50, fresh stream", "fresh p50", "µs", false, false),
                    new Figure("rr.p99.fresh", "request/response p99, fresh stream", "p99", "µs", false, false)),
                    false, (c, seed) -> {
                        Contender.Latencies latencies = c.requestResponse(loopback, duration, seed);
                        long[] existing = sorted("existing-stream latency", latencies.existing());
                        long[] fresh = sorted("fresh-stream latency", latencies.fresh());
                        Map<String, Double> values = new LinkedHashMap<>();
                        values.put("rr.p50.existing", micros(existing, 50));
                        values.put("rr.p99.existing", micros(existing, 99));
                        values.put("rr.p50.fresh", micros(fresh, 50));
                        values.put("rr.p99.fresh", micros(fresh, 99));
                        return values;
                    }));
        }
        if (settings.runs(Workload.MANY_STREAMS)) {
            int count = settings.manyStreams();
            units.add(new Unit("many streams", List.of(
                    new Figure("many.opens", count + " streams: opens", "", "/s", true, false),
                    new Figure("many.heap", count + " streams: heap per stream", "heap", "B", false, false),
                    new Figure("many.rss", count + " streams: resident set per stream", "RSS", "B", false, false)),
                    false, (c, seed) -> {
                        Contender.ManyStreams many = c.manyStreams(loopback, count,
                                Math.min(count, CompareSettings.MANY_STREAMS_IN_FLIGHT), seed);
                        return Map.of("many.opens", many.opensPerSecond(), "many.heap",
                                Math.max(0, many.heapBytesPerStream()), "many.rss",
                                Math.max(0, many.residentBytesPerStream()));
                    }));
        }
        if (settings.runs(Workload.LOSS)) {
            for (double percent : settings.lossPercents()) {
                String rate = percent(percent);
                String key = "loss." + rate;
                units.add(new Unit("bulk x1, " + rate + "% loss", List.of(
                        new Figure(key, "bulk goodput, 1 stream, " + rate + "% loss", "", "MB/s", true, true),
                        new Figure(key + ".dropped", "packets dropped at " + rate + "% loss", "dropped", "%", false,
                                false)),
                        false, (c, seed) -> {
                            Impairment.Run run = impairment.bulk(c.id(), percent, settings.lossBytes(), seed);
                            return Map.of(key, run.megabytesPerSecond(), key + ".dropped", run.dropPercent());
                        }));
            }
        }
        return units;
    }

    private List<Row> rows(Map<String, String> stopped) {
        Map<String, String> unitOf = new LinkedHashMap<>();
        for (Unit unit : units()) {
            for (Figure figure : unit.figures()) {
                unitOf.put(figure.key(), unit.label());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Collected c : collected.values()) {
            Map<String, Series> series = new LinkedHashMap<>();
            for (Map.Entry<String, Double[]> entry : c.values.entrySet()) {
                List<Double> values = Arrays.asList(entry.getValue());
                String verdict = stopped.get(unitOf.get(c.figure.key()) + "/" + entry.getKey());
                String status = Series.OK;
                String reason = "";
                if (verdict != null) {
                    status = verdict.startsWith(Series.NOT_APPLICABLE) ? Series.NOT_APPLICABLE : Series.FAILED;
                    reason = verdict.substring(status.length() + 2);
                }
                series.put(entry.getKey(), new Series(status, reason, values, Spread.of(values)));
            }
            rows.add(new Row(c.figure.key(), c.figure.name(), c.figure.unit(), c.figure.higherIsBetter(), series,
                    List.of()));
        }
        // the measured drop rate describes the link, not the contender: no ratio
        return Ratios.attach(rows.stream().filter(r -> !r.key().endsWith(".dropped")).toList(), rows,
                collected.values().stream().filter(c -> c.figure.againstCeilings()).map(c -> c.figure.key()).toList());
    }

    private Map<String, String> displayNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            names.put(contender.id(), contender.displayName());
        }
        return names;
    }

    private static long[] sorted(String what, long[] samples) {
        if (samples == null || samples.length == 0) {
            throw new IllegalStateException(what + ": no samples");
        }
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The nearest-rank percentile of sorted nanosecond samples, in microseconds. */
    static double micros(long[] sorted, double percent) {
        long rank = (long) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
        return sorted[(int) Math.max(1, Math.min(rank, sorted.length)) - 1] / 1e3;
    }

    /** A loss rate as text: 1, 5, 0.5. */
    static String percent(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent)
                : String.format(Locale.ROOT, "%s", percent).replaceFirst("0+$", "");
    }

    private static String percents(List<Double> percents) {
        return String.join(",", percents.stream().map(p -> percent(p) + "%").toList());
    }

    /** An exception as one line: its message, or its type when it has none, and its cause's. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 300; t = t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName()
                    : (t instanceof UnsupportedOperationException || t instanceof IllegalStateException
                            ? message : t.getClass().getSimpleName() + ": " + message);
            if (text.indexOf(part) < 0) {
                text.append(text.length() == 0 ? "" : " <- ").append(part);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString().replace('\n', ' ');
    }
}
