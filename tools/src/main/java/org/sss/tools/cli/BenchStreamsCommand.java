package org.sss.tools.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.tools.bench.StreamBenchmarkRunner;
import org.sss.tools.bench.StreamBenchmarkRunner.Settings;
import org.sss.tools.bench.StreamReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss bench streams}: the stream layer over loopback UDP, each figure beside a baseline from the same run. */
@Command(
        name = "streams",
        mixinStandardHelpOptions = true,
        header = "Stream goodput, opens, latency and memory between hosts on 127.0.0.1, each beside a baseline.",
        description = {
            "Starts two hosts in this JVM and measures, R times after W warm-up repetitions:",
            "bulk goodput over 1 and over K streams beside the crypto+UDP ceiling (seal, send,",
            "receive, open of full-size packets with no protocol); stream opens per second, one",
            "at a time and 16 in flight, beside round trips on existing streams; p50 and p99 of",
            "a 100-byte request/response on a fresh substream beside an existing one; and heap",
            "per idle stream (approximate). Prints a table of medians with min-max and writes",
            "streams.md and streams.json (default: tools/target/bench of the checkout)."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every workload finished every repetition",
            "1:a workload failed (the report says which and why)",
            "2:usage error (unknown option, a value out of range)",
            ExitCodes.INTERNAL_LINE,
        })
final class BenchStreamsCommand implements Callable<Integer> {

    @Option(names = "--repetitions", paramLabel = "R", defaultValue = "" + Settings.DEFAULT_REPETITIONS,
            description = "Reported repetitions of every workload, 1 to " + Settings.MAX_REPETITIONS
                    + " (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Unreported repetitions first, 0 to " + Settings.MAX_WARMUP + " (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--megabytes", paramLabel = "M", defaultValue = "200",
            description = "MB (10^6 bytes) per bulk repetition, and for the ceiling, 1 to " + Settings.MAX_MEGABYTES
                    + " (default: ${DEFAULT-VALUE}).")
    private int megabytes;

    @Option(names = "--streams", paramLabel = "K", defaultValue = "100",
            description = "Concurrent streams of the second bulk workload, 1 to " + Settings.MAX_STREAMS
                    + " (default: ${DEFAULT-VALUE}).")
    private int streams;

    @Option(names = "--idle-streams", paramLabel = "N", defaultValue = "10000",
            description = "Idle substreams of the memory workload, 1 to " + Settings.MAX_IDLE_STREAMS
                    + " (default: ${DEFAULT-VALUE}).")
    private int idleStreams;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "Length of each stream-open and latency measurement, 1 to " + Settings.MAX_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Fixes every key and payload; printed, so that a run can be replayed (default: random).")
    private Long seed;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where streams.md and streams.json go (default: tools/target/bench of the checkout the "
                    + "launcher names, else of the checkout around the working directory).")
    private Path reportDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = new Settings(repetitions, warmup, megabytes, streams, idleStreams, seconds,
                    seed != null ? seed : new SecureRandom().nextLong());
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        StreamReport report = new StreamBenchmarkRunner(settings, spec.commandLine().getOut()).run();
        List<Path> files = report.write(reportDir != null ? reportDir : BenchReportDir.defaultDir());
        spec.commandLine().getOut().println("report: " + files.get(0) + ", " + files.get(1));
        spec.commandLine().getOut().flush();
        return report.succeeded() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
