package org.sss.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.Locale;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sss.conformance.fuzz.CommandTarget;
import org.sss.conformance.fuzz.FuzzConfig;
import org.sss.conformance.fuzz.FuzzResult;
import org.sss.conformance.fuzz.FuzzStatus;
import org.sss.conformance.fuzz.FuzzTarget;
import org.sss.conformance.fuzz.FuzzTargets;
import org.sss.conformance.fuzz.Fuzzer;
import org.sss.conformance.fuzz.Reproducer;
import org.sss.conformance.fuzz.Stage;
import org.sss.conformance.fuzz.TargetNotLiveException;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.Targets;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.tools.fuzz.DurationParser;
import org.sss.tools.fuzz.EmbeddedFuzzTarget;
import org.sss.tools.fuzz.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sss fuzz}: the conformance suite's UDP fuzzer (conformance/FUZZING.md) against an
 * implementation under test, or against the embedded reference implementation.
 */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Fuzz an implementation under test over UDP, before and after the handshake (conformance/FUZZING.md).",
        description = {
            "Sends packets generated from the wire grammar and mutated: before the",
            "handshake (HELLO, COOKIE, INITIATE, wrong magics and boxes) and inside real",
            "channels (validly encrypted MESSAGEs with wrong frames). After every batch a",
            "fresh handshake and echo round trip must succeed, and a target started with",
            "--target-cmd must not exit. A failing batch is shrunk by delta debugging and",
            "saved under --out: pcap, keylog, the seed and inputs (case.txt), replay.txt.",
            "Every packet follows from --seed, which is printed. Without a target, the",
            "embedded reference implementation is fuzzed. --reproduce DIR sends a",
            "reproducer's inputs once and runs the oracle.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the target survived the budget (with --reproduce: the reproducer no longer fails)",
            "1:a finding: the target crashed or stopped serving (with --reproduce: it still fails)",
            "2:usage error (unknown option, bad stage, budget or target)",
            "3:the target could not be started, or failed the oracle before fuzzing began; a reproducer is unreadable",
            ExitCodes.INTERNAL_LINE,
        })
final class FuzzCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions targetOptions;

    @Option(names = "--target-cmd", paramLabel = "TEMPLATE",
            description = "Start the IUT from this command, {port} replaced by a free UDP port, restarting it for "
                    + "shrinking; its exit is a crash. Address and key from a stdout line '... udp HOST:PORT key HEX' "
                    + "(as `sss serve` prints), or 127.0.0.1:{port} and --target-key.")
    private String targetCommand;

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "both",
            description = "pre (before the handshake), post (inside channels) or both, in turn (default: ${DEFAULT-VALUE}).")
    private String stage;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every packet (default: a fresh one, printed).")
    private Long seed;

    @Option(names = "--packets", paramLabel = "N", description = "Packet budget: stop after N fuzz packets.")
    private Long packets;

    @Option(names = "--time", paramLabel = "DURATION",
            description = "Time budget, e.g. 60s, 10m, 2h (default: 60s when --packets is not given either).")
    private String time;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "Packets per batch; the liveness oracle runs after each (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fuzz-findings",
            description = "Where reproducers are written (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    @Option(names = "--liveness-timeout", paramLabel = "DURATION", defaultValue = "3s",
            description = "Handshake and echo timeout of the oracle; a failed probe is retried with 3x (default: ${DEFAULT-VALUE}).")
    private String livenessTimeout;

    @Option(names = "--shrink-trials", paramLabel = "N", defaultValue = "40",
            description = "At most N re-runs to shrink a failing batch (default: ${DEFAULT-VALUE}).")
    private int shrinkTrials;

    @Option(names = "--stop-after", paramLabel = "N", defaultValue = "0",
            description = "Stop after N findings; 0 never stops early (default: ${DEFAULT-VALUE}).")
    private int stopAfter;

    @Option(names = "--reproduce", paramLabel = "DIR",
            description = "Send the inputs of a reproducer (its case.txt) once, then run the oracle.")
    private Path reproduce;

    @Option(names = "--bug", paramLabel = "NAME", hidden = true)
    private List<ProtocolBug> bugs = List.of();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FuzzConfig config = config();
        FuzzTarget fuzzTarget;
        try {
            fuzzTarget = target();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (RuntimeException e) {
            out.println("sss fuzz: cannot start the target: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (fuzzTarget) {
            String option = targetOption(fuzzTarget);
            ProgressBar bar = new ProgressBar(out, System.console() != null);
            Fuzzer fuzzer = new Fuzzer(config, fuzzTarget, bar, option);
            out.println("sss fuzz: target " + fuzzTarget.description());
            if (reproduce != null) {
                Reproducer.Case c;
                try {
                    c = Reproducer.read(reproduce);
                } catch (IOException e) {
                    out.println("sss fuzz: cannot read " + reproduce + ": " + e.getMessage());
                    return ExitCodes.BAD_INPUT;
                }
                Optional<String> failure = fuzzer.reproduce(c);
                out.println(failure.map(f -> "sss fuzz: still fails: " + f)
                        .orElse("sss fuzz: the target stayed live"));
                return failure.isPresent() ? 1 : ExitCodes.OK;
            }
            out.println("sss fuzz: seed " + config.seed() + ", stages " + stage + ", batch " + batch
                    + (config.maxPackets() > 0 ? ", packets " + config.maxPackets() : "")
                    + (config.maxTime() != null ? ", time " + config.maxTime() : "") + ", reproducers in " + outDir);
            FuzzResult result;
            try {
                result = fuzzer.run();
            } catch (TargetNotLiveException e) {
                out.println("sss fuzz: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            FuzzStatus s = result.status();
            out.printf(Locale.ROOT,
                    "sss fuzz: %,d packets (%,d datagrams with handshakes, %,d channels) in %,d batches, "
                            + "%,d liveness probes, %.1f s, %,.0f packets/s; %d findings; seed %d%n",
                    s.packets(), s.datagrams(), s.channels(), s.batches(), s.probes(), s.elapsed().toMillis() / 1000.0, s.rate(),
                    result.findings().size(), config.seed());
            result.findings().forEach(f -> out.println("  " + f.kind() + " " + f.directory()));
            return result.findings().isEmpty() ? ExitCodes.OK : 1;
        }
    }

    private FuzzConfig config() {
        List<Stage> stages = switch (stage) {
            case "both" -> List.of(Stage.PRE, Stage.POST);
            case "pre" -> List.of(Stage.PRE);
            case "post" -> List.of(Stage.POST);
            default -> throw new ParameterException(spec.commandLine(), "--stage is pre, post or both, not " + stage);
        };
        if (batch < 1 || shrinkTrials < 0 || stopAfter < 0 || packets != null && packets < 1) {
            throw new ParameterException(spec.commandLine(), "--batch and --packets are at least 1");
        }
        Duration maxTime;
        Duration liveness;
        try {
            maxTime = time != null ? DurationParser.parse(time) : packets == null ? Duration.ofSeconds(60) : null;
            liveness = DurationParser.parse(livenessTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
        return new FuzzConfig(stages, chosenSeed, packets == null ? 0 : packets, maxTime, batch, liveness, outDir,
                shrinkTrials, stopAfter);
    }

    private FuzzTarget target() {
        String target = targetOptions.address();
        String targetKey = targetOptions.key();
        if (targetCommand != null) {
            if (target != null || !bugs.isEmpty()) {
                throw new IllegalArgumentException("give --target or --target-cmd, not both (--bug is for the embedded"
                        + " target; put it into the command for `sss serve`)");
            }
            return new CommandTarget(targetCommand, targetKey == null ? null : Targets.parseKey(targetKey));
        }
        if (target != null) {
            if (!bugs.isEmpty()) {
                throw new IllegalArgumentException("--bug applies to the embedded reference implementation only");
            }
            return FuzzTargets.fixed(Targets.external(target, targetKey, Map.of()));
        }
        if (targetKey != null) {
            throw new IllegalArgumentException("--target-key needs --target or --target-cmd");
        }
        return EmbeddedFuzzTarget.start(bugs.isEmpty() ? EnumSet.noneOf(ProtocolBug.class) : EnumSet.copyOf(bugs));
    }

    private String targetOption(FuzzTarget t) {
        if (targetCommand != null) {
            return "--target HOST:PORT --target-key KEY  # the target started from: " + targetCommand;
        }
        Target current = t.current();
        String hostPort = current.address().getAddress() instanceof Inet6Address
                ? "[" + current.address().getHostString() + "]:" + current.address().getPort()
                : current.address().getHostString() + ":" + current.address().getPort();
        return "--target " + hostPort + " --target-key " + HexFormat.of().formatHex(current.publicKey())
                + (targetOptions.address() == null ? "  # the embedded target of this run; start a fresh one and use its address" : "");
    }
}
