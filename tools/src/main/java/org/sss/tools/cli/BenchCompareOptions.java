package org.sss.tools.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.sss.tools.bench.compare.CompareReport;
import org.sss.tools.bench.compare.CompareRunner;
import org.sss.tools.bench.compare.CompareSettings;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Contenders;
import org.sss.tools.bench.compare.NamespaceImpairment;
import org.sss.tools.bench.compare.StandardCeilings;
import org.sss.tools.bench.compare.Workload;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of the side-by-side comparison ({@code sss bench} and {@code sss bench compare}), and
 * running it.
 */
final class BenchCompareOptions {
    /** Warm-up bytes of each loss child's unreported run: enough for the JIT, little time on a lossy link. */
    private static final long LOSS_WARMUP_BYTES = 10_000_000;

    @Option(names = "--contenders", paramLabel = "IDS", defaultValue = "sss,quic,tls",
            description = "Contenders, comma-separated, in running order: sss, quic, tls (default: ${DEFAULT-VALUE}).")
    String contenders;

    @Option(names = "--repetitions", paramLabel = "R", defaultValue = "5",
            description = "Reported repetitions, 1 to " + CompareSettings.MAX_REPETITIONS + " (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Unreported repetitions first, 0 to " + CompareSettings.MAX_WARMUP
                    + " (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--megabytes", paramLabel = "M", defaultValue = "200",
            description = "MB (10^6 bytes) per bulk measurement (default: ${DEFAULT-VALUE}).")
    int megabytes;

    @Option(names = "--streams", paramLabel = "K", defaultValue = "100",
            description = "Concurrent streams of the second bulk workload, 2 to " + CompareSettings.MAX_STREAMS
                    + " (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--many-streams", paramLabel = "N", defaultValue = "10000",
            description = "Streams held open on one connection by the many-streams workload (default: ${DEFAULT-VALUE}).")
    int manyStreams;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Length of each rate and latency measurement, 1 to " + CompareSettings.MAX_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "4",
            description = "Clients handshaking at once, 1 to " + CompareSettings.MAX_CONCURRENCY
                    + " (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--loss", paramLabel = "PERCENTS", defaultValue = "0,1,5",
            description = "Loss rates of the loss workload, percent, comma-separated, or none (default: ${DEFAULT-VALUE}; "
                    + "0 is the same impaired link dropping nothing, the baseline of the others). "
                    + "Needs root, ip, nft and ethtool; otherwise reported n/a.")
    String loss;

    @Option(names = "--loss-megabytes", paramLabel = "M", defaultValue = "50",
            description = "MB per bulk measurement under loss (default: ${DEFAULT-VALUE}).")
    int lossMegabytes;

    @Option(names = "--workloads", paramLabel = "NAMES",
            description = "Only these workloads, comma-separated, of: ceilings, bulk1, bulkn, handshakes, ttfb, rr, many, "
                    + "loss (default: all).")
    String workloads;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Fixes every key and payload; printed, so that a run can be replayed (default: random).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where compare.md, compare.json and goodput.png go (default: tools/target/bench of the "
                    + "checkout).")
    Path out;

    /** The settings these options make. @throws IllegalArgumentException naming the option that is wrong */
    CompareSettings settings() {
        List<Workload> chosen = new ArrayList<>();
        if (workloads == null || workloads.isBlank()) {
            chosen.addAll(List.of(Workload.values()));
        } else {
            for (String name : CompareSettings.parseList(workloads)) {
                chosen.add(Workload.parse(name));
            }
        }
        return new CompareSettings(CompareSettings.parseList(contenders), repetitions, warmup, megabytes, streams,
                manyStreams, seconds, concurrency, CompareSettings.parseLoss(loss), lossMegabytes, chosen,
                seed != null ? seed : new SecureRandom().nextLong());
    }

    /** Runs the comparison and writes the report; returns the exit code. {@code arguments}: the whole command line. */
    int run(CommandSpec spec, String[] arguments) throws Exception {
        CompareSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        System.setProperty("java.awt.headless", "true");
        List<Contender> chosen = settings.contenders().stream().map(Contenders::create).toList();
        // the seed is appended when it was drawn, so that the recorded command line replays the run
        String commandLine = "sss " + String.join(" ", arguments) + (seed == null ? " --seed " + settings.seed() : "");
        CompareReport report;
        try (NamespaceImpairment impairment = new NamespaceImpairment(settings.warmup() > 0 ? LOSS_WARMUP_BYTES : 0)) {
            report = new CompareRunner(settings, chosen, new StandardCeilings(), impairment, commandLine.strip(),
                    spec.commandLine().getOut()).run();
        }
        List<Path> files = report.write(out != null ? out : BenchReportDir.defaultDir());
        spec.commandLine().getOut().println("report: " + String.join(", ", files.stream().map(Path::toString).toList()));
        spec.commandLine().getOut().flush();
        return report.succeeded() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
