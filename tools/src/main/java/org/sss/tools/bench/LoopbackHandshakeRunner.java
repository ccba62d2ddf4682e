package org.sss.tools.bench;

import static org.sss.tools.bench.OptionRange.requireBetween;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.HostStatistics;
import org.sss.core.negotiation.HelloRateLimiter;

/**
 * Handshakes per second over real loopback UDP, side by side with the Bouncy Castle ceiling
 * measured in the same run: one responder {@link Host} and {@code concurrency} initiator hosts
 * on 127.0.0.1 in this JVM, each initiator keeping one handshake in flight (a host runs one
 * negotiation per responder address at a time) and closing every channel as soon as it opens.
 *
 * <p>Before each run the ceiling is measured on the calling thread while the hosts are idle: how
 * many times per second one core does the X25519 of one handshake, both ends
 * ({@link HandshakeX25519.Work#HANDSHAKE}, 3 base-point and 6 variable-base multiplications). The
 * run's ratio is its handshakes per second over that ceiling; with the two ends on two cores it
 * could in principle approach 2. The report ends with the median of each column.
 *
 * <p>The responder's HELLO rate limit is off (every HELLO comes from 127.0.0.1) and a run's hosts
 * are new, so its cookie replay cache starts empty. The seed fixes every key; the timing is
 * the machine's.
 */
public final class LoopbackHandshakeRunner {
    /** How long the ceiling is measured before each run. */
    static final double CEILING_SECONDS = 1.0;
    private static final long DRAIN_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final Settings settings;
    private final PrintWriter out;
    private final HandshakeX25519 x25519;
    /** Where the ceiling loop leaves its results, so that they are not dead code. */
    private volatile int consumed;

    /**
     * What to run.
     *
     * @param seconds how long each run lasts, 1 to {@value #MAX_SECONDS}
     * @param concurrency handshakes in flight (one initiator host each), 1 to {@value #MAX_CONCURRENCY}
     * @param runs how many runs, 1 to {@value #MAX_RUNS}
     * @param warmupSeconds an unreported run first, 0 to {@value #MAX_SECONDS}
     * @param seed fixes every key
     */
    public record Settings(int seconds, int concurrency, int runs, int warmupSeconds, long seed) {
        /**
         * The longest run: the responder remembers at most 65,536 accepted cookies for 120 s and
         * refuses fresh ones once that many are unexpired (CookieReplayCache), so a run may not
         * fill it.
         */
        public static final int MAX_SECONDS = 60;
        /** The most initiator hosts, each a socket and an event-loop thread. */
        public static final int MAX_CONCURRENCY = 64;
        /** The most runs. */
        public static final int MAX_RUNS = 99;

        /** Checks every value, naming the option that is wrong. */
        public Settings {
            requireBetween("--seconds", seconds, 1, MAX_SECONDS);
            requireBetween("--concurrency", concurrency, 1, MAX_CONCURRENCY);
            requireBetween("--runs", runs, 1, MAX_RUNS);
            requireBetween("--warmup", warmupSeconds, 0, MAX_SECONDS);
        }
    }

    /**
     * One run.
     *
     * @param run its number, from 1
     * @param handshakes channels established at the initiators within the run's time
     * @param failures negotiations that failed (NegotiationFailedException and the like)
     * @param seconds the run's length
     * @param ceiling handshakes per second the X25519 work alone allows on one core, measured just before
     * @param responderDrops packets the responder host dropped, by any verdict
     * @param transport the hosts' socket implementation, {@code epoll} or {@code NIO}
     */
    public record RunResult(int run, long handshakes, long failures, double seconds, double ceiling,
            long responderDrops, String transport) {
        /** Handshakes per second. */
        public double rate() {
            return handshakes / seconds;
        }

        /** {@link #rate()} over {@link #ceiling()}. */
        public double ratio() {
            return rate() / ceiling;
        }
    }

    /**
     * The runs and their medians.
     *
     * @param runs every run, in order
     * @param medianRate the median of the handshakes per second
     * @param medianCeiling the median of the ceilings
     * @param medianRatio the median of the per-run ratios
     */
    public record Report(List<RunResult> runs, double medianRate, double medianCeiling, double medianRatio) {
    }

    /**
     * A runner.
     *
     * @param settings what to run
     * @param out where the report goes, one line per run and a line of medians
     */
    public LoopbackHandshakeRunner(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.x25519 = new HandshakeX25519(CryptoProvider.bouncyCastle(), settings.seed());
    }

    /** Runs the warm-up and the runs, printing as it goes. */
    public Report run() throws InterruptedException {
        out.printf(Locale.ROOT, "sss bench handshakes: 1 responder host and %d initiator host(s) on 127.0.0.1, "
                + "%d handshake(s) in flight, each channel closed once open; %d run(s) of %d s; %d cores%n",
                settings.concurrency(), settings.concurrency(), settings.runs(), settings.seconds(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "seed=%d (replay the keys with --seed %d)%n", settings.seed(), settings.seed());
        out.printf(Locale.ROOT, "ceiling: handshakes/s that X25519 alone allows on one core (%d base-point + %d "
                + "variable-base multiplications per handshake, both ends), measured for %.0f s before each run; "
                + "the ends run on their own threads, so the ratio can exceed 1%n",
                HandshakeX25519.Work.HANDSHAKE.basePoint(), HandshakeX25519.Work.HANDSHAKE.variableBase(),
                CEILING_SECONDS);
        out.flush();
        if (settings.warmupSeconds() > 0) {
            RunResult warmup = loopback(0, settings.warmupSeconds());
            out.printf(Locale.ROOT, "warm-up: %.1f handshakes/s (not counted)%n", warmup.rate());
            out.flush();
        }
        List<RunResult> runs = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            RunResult result = loopback(run, settings.seconds());
            runs.add(result);
            out.println(line("run " + run, result.rate(), result.ceiling(), result.ratio())
                    + String.format(Locale.ROOT, "  (%d handshakes in %d s, %d failed, %d dropped by the responder, %s)",
                            result.handshakes(), settings.seconds(), result.failures(), result.responderDrops(),
                            result.transport()));
            out.flush();
        }
        Report report = new Report(List.copyOf(runs), median(runs, RunResult::rate), median(runs, RunResult::ceiling),
                median(runs, RunResult::ratio));
        out.println(line("median of " + runs.size(), report.medianRate(), report.medianCeiling(), report.medianRatio()));
        out.flush();
        return report;
    }

    private static String line(String label, double rate, double ceiling, double ratio) {
        return String.format(Locale.ROOT, "%s: %.1f handshakes/s | ceiling %.1f handshakes/s | ratio %.3f",
                label, rate, ceiling, ratio);
    }

    /** Handshakes per second that {@link HandshakeX25519.Work#HANDSHAKE} allows on this thread. */
    private double measureCeiling() {
        long start = System.nanoTime();
        long end = start + (long) (CEILING_SECONDS * 1e9);
        long count = 0;
        int sink = 0;
        long now;
        do {
            sink += x25519.perform(HandshakeX25519.Work.HANDSHAKE);
            count++;
            now = System.nanoTime();
        } while (now < end);
        consumed = sink;
        return count / ((now - start) / 1e9);
    }

    private RunResult loopback(int run, int seconds) throws InterruptedException {
        double ceiling = measureCeiling();
        Load load = measure(InetAddress.getLoopbackAddress(), seconds, settings.concurrency(), settings.seed());
        return new RunResult(run, load.handshakes(), load.failures(), seconds, ceiling, load.responderDrops(),
                load.transport());
    }

    /**
     * What one load of handshakes did.
     *
     * @param handshakes channels established at the initiators within the load's time
     * @param failures negotiations that failed
     * @param responderDrops packets the responder host dropped, by any verdict
     * @param transport the hosts' socket implementation, {@code epoll} or {@code NIO}
     */
    public record Load(long handshakes, long failures, long responderDrops, String transport) {
    }

    /**
     * One responder host and {@code concurrency} initiator hosts on {@code address}, each initiator
     * connecting, closing the channel once open and connecting again for {@code seconds}.
     *
     * @param seed fixes every key
     * @throws IllegalStateException if handshakes were still in flight 30 s after the end
     */
    public static Load measure(InetAddress address, double seconds, int concurrency, long seed)
            throws InterruptedException {
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Host> initiators = new ArrayList<>();
        Host responder = Host.start(hostConfig(seeds.nextLong(), true, address).build(), new HostListener() {
        });
        try {
            for (int i = 0; i < concurrency; i++) {
                initiators.add(Host.start(hostConfig(seeds.nextLong(), false, address).build(), new HostListener() {
                }));
            }
            AtomicLong handshakes = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            CountDownLatch idle = new CountDownLatch(initiators.size());
            long nanos = (long) (seconds * 1e9);
            long deadline = System.nanoTime() + nanos;
            for (Host initiator : initiators) {
                new Slot(initiator, responder, deadline, handshakes, failures, idle).next();
            }
            if (!idle.await(nanos / 1_000_000 + DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("handshakes still in flight " + DRAIN_MILLIS / 1000
                        + " s after the end of the run");
            }
            HostStatistics statistics = responder.statistics().join();
            long drops = statistics.drops().values().stream().mapToLong(Long::longValue).sum()
                    + statistics.rateLimited();
            return new Load(handshakes.get(), failures.get(), drops, responder.isNativeTransport() ? "epoll" : "NIO");
        } finally {
            for (Host initiator : initiators) {
                initiator.close();
            }
            responder.close();
        }
    }

    /**
     * The configuration of a benchmark host on {@code address} (port 0) that can run many handshakes
     * in a row: every other setting is the default.
     *
     * @param seed fixes the host's keys and random choices
     * @param responder whether it accepts channels
     */
    public static HostConfig.Builder hostConfig(long seed, boolean responder, InetAddress address) {
        return HostConfig.builder(KeyPair.generate(InMemoryHandshake.seededSecureRandom(seed)))
                .bindAddress(new InetSocketAddress(address, 0))
                .acceptChannels(responder)
                // every HELLO comes from one address: the per-source limit would measure itself
                .helloRateLimiter(HelloRateLimiter.unlimited())
                // closed channels stay in the table for 3 PTO; room for many seconds of them
                .maxChannels(200_000)
                .secureRandom(InMemoryHandshake.seededSecureRandom(seed + 1))
                .random(new Random(seed + 2));
    }

    /** One initiator host's loop: connect, count, close, connect again until the deadline. */
    private static final class Slot {
        private final Host initiator;
        private final InetSocketAddress address;
        private final Host responder;
        private final long deadline;
        private final AtomicLong handshakes;
        private final AtomicLong failures;
        private final CountDownLatch idle;

        Slot(Host initiator, Host responder, long deadline, AtomicLong handshakes, AtomicLong failures,
                CountDownLatch idle) {
            this.initiator = initiator;
            this.address = responder.localAddress();
            this.responder = responder;
            this.deadline = deadline;
            this.handshakes = handshakes;
            this.failures = failures;
            this.idle = idle;
        }

        void next() {
            if (System.nanoTime() - deadline >= 0) {
                idle.countDown();
                return;
            }
            initiator.connect(address, responder.identity()).whenComplete((channel, failure) -> {
                boolean inTime = System.nanoTime() - deadline < 0;
                if (failure != null) {
                    failures.incrementAndGet();
                } else {
                    if (inTime) {
                        handshakes.incrementAndGet();
                    }
                    channel.close("benchmark");
                }
                next();
            });
        }
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
