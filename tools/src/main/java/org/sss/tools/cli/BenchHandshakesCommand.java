package org.sss.tools.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.sss.tools.bench.LoopbackHandshakeRunner;
import org.sss.tools.bench.LoopbackHandshakeRunner.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss bench handshakes}: handshakes per second over loopback UDP beside the X25519 ceiling. */
@Command(
        name = "handshakes",
        mixinStandardHelpOptions = true,
        header = "Handshakes per second between hosts on 127.0.0.1, beside the X25519 ceiling.",
        description = {
            "Starts one responder host and K initiator hosts in this JVM. Each initiator",
            "keeps one handshake in flight and closes every channel once it opens, for",
            "N seconds, R times. Before each run it measures the ceiling: handshakes per",
            "second that the handshake's X25519 multiplications alone allow on one core.",
            "Prints each run, then the medians of handshakes/s, ceiling and their ratio."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every run completed at least one handshake",
            "1:a run completed no handshake",
            "2:usage error (unknown option, a value out of range)",
            ExitCodes.INTERNAL_LINE,
        })
final class BenchHandshakesCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "5",
            description = "Length of each run in seconds, 1 to " + Settings.MAX_SECONDS + " (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--concurrency", paramLabel = "K", defaultValue = "4",
            description = "Handshakes in flight, one initiator host each, 1 to " + Settings.MAX_CONCURRENCY
                    + " (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
            description = "Number of runs, 1 to " + Settings.MAX_RUNS + " (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "5",
            description = "Seconds of unreported handshakes first, 0 to " + Settings.MAX_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--seed", paramLabel = "S",
            description = "Fixes every key; printed, so that a run's keys can be replayed (default: random).")
    private Long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = new Settings(seconds, concurrency, runs, warmup, seed != null ? seed : new SecureRandom().nextLong());
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        LoopbackHandshakeRunner.Report report = new LoopbackHandshakeRunner(settings, spec.commandLine().getOut()).run();
        boolean everyRunCompleted = report.runs().stream().allMatch(run -> run.handshakes() > 0);
        return everyRunCompleted ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
