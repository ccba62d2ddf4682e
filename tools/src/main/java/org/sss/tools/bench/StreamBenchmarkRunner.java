package org.sss.tools.bench;

import static org.sss.tools.bench.OptionRange.requireBetween;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code sss bench streams}: the stream layer over real loopback UDP, each figure beside a baseline
 * measured in the same repetition, with two {@link org.sss.core.host.Host}s in this JVM
 * ({@link StreamLoopback}). Per repetition:
 * <ol>
 *   <li>the bulk ceiling ({@link StreamCeiling}): seal, UDP send, receive, open of full-size
 *       packets with the hosts' transport and the Bouncy Castle secretbox and no protocol;</li>
 *   <li>bulk goodput over 1 stream and over {@code --streams} concurrent streams, each as a ratio to
 *       that ceiling;</li>
 *   <li>stream opens per second (new substream, first byte, 1-byte reply), one at a time and
 *       {@value StreamWorkloads#OPENS_IN_FLIGHT} in flight, beside the same 1-byte round trip on
 *       existing substreams;</li>
 *   <li>request/response latency, p50 and p99, of a {@value StreamWorkloads#REQUEST_BYTES}-byte
 *       request and reply on a fresh substream beside an existing one;</li>
 *   <li>heap per idle stream, beside the same heap readings with no streams opened.</li>
 * </ol>
 * The warm-up repetitions run everything and are not reported. A workload that fails is reported
 * as failed and not run again; the others go on.
 */
public final class StreamBenchmarkRunner {
    private static final String CEILING = "crypto+UDP ceiling";
    private static final String OPEN_BASELINE = "1-byte round trip on existing substream(s)";

    private final Settings settings;
    private final PrintWriter out;
    private final StreamWorkloads workloads;

    /**
     * What to run.
     *
     * @param repetitions reported repetitions, 1 to {@value #MAX_REPETITIONS} (at least 5 for figures worth quoting)
     * @param warmup unreported repetitions first, 0 to {@value #MAX_WARMUP}
     * @param megabytes MB (10^6 bytes) per bulk repetition, 1 to {@value #MAX_MEGABYTES}
     * @param streams concurrent streams of the second bulk workload, 1 to {@value #MAX_STREAMS}
     * @param idleStreams idle substreams of the memory workload, 1 to {@value #MAX_IDLE_STREAMS}
     * @param seconds length of each rate and latency measurement, 1 to {@value #MAX_SECONDS}
     * @param seed fixes every key and payload
     */
    public record Settings(int repetitions, int warmup, int megabytes, int streams, int idleStreams, int seconds,
            long seed) {
        /** The most repetitions. */
        public static final int MAX_REPETITIONS = 99;
        /** The most warm-up repetitions. */
        public static final int MAX_WARMUP = 10;
        /** The most MB per bulk repetition. */
        public static final int MAX_MEGABYTES = 10_000;
        /** The most concurrent bulk streams. */
        public static final int MAX_STREAMS = 10_000;
        /** The most idle streams. */
        public static final int MAX_IDLE_STREAMS = 1_000_000;
        /** The longest rate or latency measurement. */
        public static final int MAX_SECONDS = 60;
        /** The default repetitions: enough for a median and a spread. */
        public static final int DEFAULT_REPETITIONS = 5;

        /** Checks every value, naming the option that is wrong. */
        public Settings {
            requireBetween("--repetitions", repetitions, 1, MAX_REPETITIONS);
            requireBetween("--warmup", warmup, 0, MAX_WARMUP);
            requireBetween("--megabytes", megabytes, 1, MAX_MEGABYTES);
            requireBetween("--streams", streams, 1, MAX_STREAMS);
            requireBetween("--idle-streams", idleStreams, 1, MAX_IDLE_STREAMS);
            requireBetween("--seconds", seconds, 1, MAX_SECONDS);
        }
    }

    /** Per-repetition values of every figure; a workload's arrays stay empty once it failed. */
    private static final class Collected {
        final double[] ceiling;
        final double[] bulkOne;
        final double[] bulkMany;
        final double[] openExisting1;
        final double[] openFresh1;
        final double[] openExisting16;
        final double[] openFresh16;
        final double[] p50Existing;
        final double[] p50Fresh;
        final double[] p99Existing;
        final double[] p99Fresh;
        final double[] memory;
        final double[] memoryNoise;
        String bulkOneFailure;
        String bulkManyFailure;
        String openFailure;
        String latencyFailure;
        String memoryFailure;
        String transport = "unknown";

        Collected(int repetitions) {
            ceiling = new double[repetitions];
            bulkOne = new double[repetitions];
            bulkMany = new double[repetitions];
            openExisting1 = new double[repetitions];
            openFresh1 = new double[repetitions];
            openExisting16 = new double[repetitions];
            openFresh16 = new double[repetitions];
            p50Existing = new double[repetitions];
            p50Fresh = new double[repetitions];
            p99Existing = new double[repetitions];
            p99Fresh = new double[repetitions];
            memory = new double[repetitions];
            memoryNoise = new double[repetitions];
        }
    }

    /**
     * A runner.
     *
     * @param settings what to run
     * @param out where progress and the table go
     */
    public StreamBenchmarkRunner(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.workloads = new StreamWorkloads(InetAddress.getLoopbackAddress(), settings.seed());
    }

    /** Runs the warm-up and the repetitions, printing progress, then the table; returns the report. */
    public StreamReport run() throws InterruptedException {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        out.printf(Locale.ROOT, "%s: 2 hosts on 127.0.0.1 in one JVM; %d repetition(s) after %d warm-up; bulk %d MB, "
                + "1 and %d stream(s); %d idle streams; %d s per rate/latency measurement; %d cores%n",
                StreamReport.TITLE, settings.repetitions(), settings.warmup(), settings.megabytes(), settings.streams(),
                settings.idleStreams(), settings.seconds(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "seed=%d (replay the keys and payloads with --seed %d)%n", settings.seed(), settings.seed());
        if (settings.repetitions() < Settings.DEFAULT_REPETITIONS) {
            out.printf(Locale.ROOT, "note: fewer than %d repetitions; the spread says little%n",
                    Settings.DEFAULT_REPETITIONS);
        }
        out.flush();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        Collected collected = new Collected(settings.repetitions());
        for (int warm = 1; warm <= settings.warmup(); warm++) {
            repetition("warm-up " + warm, -1, seeds, collected);
        }
        for (int repetition = 0; repetition < settings.repetitions(); repetition++) {
            repetition("repetition " + (repetition + 1), repetition, seeds, collected);
        }
        StreamReport report = new StreamReport(settings, collected.transport, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), started, results(collected));
        out.println();
        out.print(report.consoleTable());
        out.println(StreamReport.HOW_TO_READ + ".");
        out.println("memory per idle stream is approximate: the heap after System.gc(), both ends in one JVM, "
                + "pooled direct buffers not counted.");
        out.flush();
        return report;
    }

    /** One repetition of every workload that has not failed; {@code index} -1 for a warm-up. */
    private void repetition(String label, int index, SplittableRandom seeds, Collected c) throws InterruptedException {
        out.printf(Locale.ROOT, "%s:", label);
        out.flush();
        boolean record = index >= 0;
        long bulkSeed = seeds.nextLong();
        if (c.bulkOneFailure == null || c.bulkManyFailure == null) {
            try {
                StreamCeiling.Outcome ceiling = StreamCeiling.measure(bulkBytes(), bulkSeed,
                        StreamWorkloads.bulkTimeoutSeconds(bulkBytes()));
                c.transport = ceiling.transport();
                progress("ceiling %s MB/s (%d lost)", Figures.number(ceiling.megabytesPerSecond()),
                        ceiling.packetsLost());
                if (record) {
                    c.ceiling[index] = ceiling.megabytesPerSecond();
                }
            } catch (TimeoutException | RuntimeException e) {
                String failure = "the ceiling run failed: " + StreamAsync.describe(e);
                c.bulkOneFailure = c.bulkOneFailure == null ? failure : c.bulkOneFailure;
                c.bulkManyFailure = c.bulkManyFailure == null ? failure : c.bulkManyFailure;
            }
        }
        if (c.bulkOneFailure == null) {
            try {
                double goodput = workloads.bulk(bulkBytes(), 1, seeds.nextLong());
                progress("bulk x1 %s MB/s", Figures.number(goodput));
                if (record) {
                    c.bulkOne[index] = goodput;
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                c.bulkOneFailure = failed("bulk x1", e);
            }
        }
        if (c.bulkManyFailure == null) {
            try {
                double goodput = workloads.bulk(bulkBytes(), settings.streams(), seeds.nextLong());
                progress("bulk x%d %s MB/s", settings.streams(), Figures.number(goodput));
                if (record) {
                    c.bulkMany[index] = goodput;
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                c.bulkManyFailure = failed("bulk x" + settings.streams(), e);
            }
        }
        if (c.openFailure == null) {
            try {
                StreamWorkloads.OpenRates rates = workloads.openRates(settings.seconds(), seeds.nextLong());
                progress("opens/s %s (x%d %s)", Figures.number(rates.freshSequential()),
                        StreamWorkloads.OPENS_IN_FLIGHT, Figures.number(rates.freshConcurrent()));
                if (record) {
                    c.openExisting1[index] = rates.existingSequential();
                    c.openFresh1[index] = rates.freshSequential();
                    c.openExisting16[index] = rates.existingConcurrent();
                    c.openFresh16[index] = rates.freshConcurrent();
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                c.openFailure = failed("opens", e);
            }
        }
        if (c.latencyFailure == null) {
            try {
                StreamWorkloads.Latencies latencies = workloads.latencies(settings.seconds(), seeds.nextLong());
                double p50Fresh = micros(StreamSummary.percentile(latencies.fresh(), 50));
                progress("p50 fresh %s us", Figures.number(p50Fresh));
                if (record) {
                    c.p50Existing[index] = micros(StreamSummary.percentile(latencies.existing(), 50));
                    c.p99Existing[index] = micros(StreamSummary.percentile(latencies.existing(), 99));
                    c.p50Fresh[index] = p50Fresh;
                    c.p99Fresh[index] = micros(StreamSummary.percentile(latencies.fresh(), 99));
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                c.latencyFailure = failed("latency", e);
            }
        }
        if (c.memoryFailure == null) {
            try {
                StreamWorkloads.IdleStreams memory = workloads.idleStreams(settings.idleStreams(),
                        StreamWorkloads.IDLE_OPENS_IN_FLIGHT, seeds.nextLong());
                progress("%s B/idle stream", Figures.number(memory.bytesPerStream()));
                if (record) {
                    c.memory[index] = memory.bytesPerStream();
                    c.memoryNoise[index] = memory.noisePerStream();
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                c.memoryFailure = failed("memory", e);
            }
        }
        out.println();
        out.flush();
    }

    /** Bytes each bulk repetition carries. */
    private long bulkBytes() {
        return settings.megabytes() * 1_000_000L;
    }

    private void progress(String format, Object... args) {
        out.print(" ");
        out.printf(Locale.ROOT, format, args);
        out.print(";");
        out.flush();
    }

    private String failed(String workload, Exception e) {
        String failure = StreamAsync.describe(e);
        out.printf(Locale.ROOT, " %s FAILED (%s);", workload, failure);
        out.flush();
        return failure;
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    private List<StreamResult> results(Collected c) {
        List<StreamResult> results = new ArrayList<>();
        String ceilingNote = "ceiling = seal, UDP send, receive, open of full-size packets (1232-byte datagrams, 1168 bytes "
                + "of plaintext each) with the hosts' Netty transport and the Bouncy Castle secretbox, no protocol; "
                + "ratio = goodput / ceiling, both counting payload bytes only";
        results.add(c.bulkOneFailure != null
                ? StreamResult.failed("bulk goodput, 1 stream", "MB/s", CEILING, c.bulkOneFailure)
                : StreamResult.withRatio("bulk goodput, 1 stream", "MB/s", c.bulkOne, CEILING, c.ceiling,
                        ceilingNote));
        String many = "bulk goodput, " + settings.streams() + " streams";
        results.add(c.bulkManyFailure != null
                ? StreamResult.failed(many, "MB/s", CEILING, c.bulkManyFailure)
                : StreamResult.withRatio(many, "MB/s", c.bulkMany, CEILING, c.ceiling,
                        settings.megabytes() + " MB split evenly over the streams, all written at once"));
        String openNote = "new substream, 1 byte and FIN in its first frame, 1-byte reply; baseline = the same 1-byte "
                + "request and reply on existing substream(s); ratio = opens / round trips";
        if (c.openFailure != null) {
            results.add(StreamResult.failed("stream opens, sequential", "opens/s", OPEN_BASELINE, c.openFailure));
            results.add(StreamResult.failed("stream opens, " + StreamWorkloads.OPENS_IN_FLIGHT + " in flight", "opens/s",
                    OPEN_BASELINE, c.openFailure));
        } else {
            results.add(StreamResult.withRatio("stream opens, sequential", "opens/s", c.openFresh1, OPEN_BASELINE,
                    c.openExisting1, openNote));
            results.add(StreamResult.withRatio("stream opens, " + StreamWorkloads.OPENS_IN_FLIGHT + " in flight",
                    "opens/s", c.openFresh16, OPEN_BASELINE, c.openExisting16, ""));
        }
        String latencyBaseline = "existing substream";
        String latencyNote = StreamWorkloads.REQUEST_BYTES + "-byte request, " + StreamWorkloads.REQUEST_BYTES
                + "-byte reply, one at a time for " + settings.seconds() + " s; percentiles are nearest-rank on the "
                + "sorted samples of each repetition; ratio = fresh / existing";
        if (c.latencyFailure != null) {
            results.add(StreamResult.failed("request/response p50, fresh substream", "µs", latencyBaseline,
                    c.latencyFailure));
            results.add(StreamResult.failed("request/response p99, fresh substream", "µs", latencyBaseline,
                    c.latencyFailure));
        } else {
            results.add(StreamResult.withRatio("request/response p50, fresh substream", "µs", c.p50Fresh, latencyBaseline,
                    c.p50Existing, latencyNote));
            results.add(StreamResult.withRatio("request/response p99, fresh substream", "µs", c.p99Fresh, latencyBaseline,
                    c.p99Existing, ""));
        }
        String memoryBaseline = "same readings, no streams (noise)";
        results.add(c.memoryFailure != null
                ? StreamResult.failed("heap per idle stream", "bytes", memoryBaseline, c.memoryFailure)
                : StreamResult.withoutRatio("heap per idle stream", "bytes", c.memory, memoryBaseline, c.memoryNoise,
                        "approximate: " + settings.idleStreams() + " substreams that each carried one byte each way, "
                        + "heap used after " + StreamWorkloads.GC_ROUNDS + " x System.gc() after minus before, divided "
                        + "by the count; both ends (client handles and server state) in one JVM; Netty's pooled direct "
                        + "buffers are off-heap and not counted; baseline = the same two readings around a pause with "
                        + "no streams opened, divided alike"));
        return results;
    }
}
