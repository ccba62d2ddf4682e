package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sss bench handshakes} and {@code sss bench jmh}: their usage errors, and one short loopback run. */
class BenchCommandTest {
    private static final Pattern RUN = Pattern.compile(
            "(?m)^run 1: [0-9.]+ handshakes/s \\| ceiling [0-9.]+ handshakes/s \\| ratio [0-9.]+"
                    + "  \\((\\d+) handshakes in 1 s, \\d+ failed, \\d+ dropped by the responder, (epoll|NIO)\\)$");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void handshakesRefusesAValueOutOfRangeNamingTheOption() {
        assertThat(run("bench", "handshakes", "--seconds", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--seconds must be between 1 and 60, got 0").contains("Usage:");
        assertThat(out.toString()).isEmpty();

        err.getBuffer().setLength(0);
        assertThat(run("bench", "handshakes", "--concurrency", "100")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--concurrency must be between 1 and 64, got 100");
    }

    @Test
    void handshakesRefusesAnUnknownOptionAndANonNumber() {
        assertThat(run("bench", "handshakes", "--secs", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--secs");
        err.getBuffer().setLength(0);
        assertThat(run("bench", "handshakes", "--runs", "three")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--runs").contains("three");
    }

    @Test
    void oneShortLoopbackRunCompletesHandshakesAndReportsEveryLine() {
        long seed = Long.getLong("sss.seed", new SecureRandom().nextLong());
        System.out.println("[BenchCommandTest] seed=" + seed + " (replay with -Dsss.seed=" + seed + ")");
        int exit = run("bench", "handshakes", "--seconds", "1", "--runs", "1", "--warmup", "0", "--concurrency", "2",
                "--seed", Long.toString(seed));
        String report = out.toString();
        assertThat(exit).as(report + err).isEqualTo(ExitCodes.OK);
        assertThat(report).contains("seed=" + seed + " (replay the keys with --seed " + seed + ")")
                .contains("ceiling: handshakes/s that X25519 alone allows on one core")
                .containsPattern("(?m)^median of 1: [0-9.]+ handshakes/s \\| ceiling [0-9.]+ handshakes/s \\| ratio [0-9.]+$");
        Matcher run = RUN.matcher(report);
        assertThat(run.find()).as(report).isTrue();
        assertThat(Long.parseLong(run.group(1))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void jmhRefusesTwoPatternsABadJmhOptionAndAPatternThatMatchesNothing() {
        assertThat(run("bench", "jmh", "Channel", "Handshake")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("at most one REGEX before --");

        err.getBuffer().setLength(0);
        assertThat(run("bench", "jmh", "Channel", "--", "-f", "many")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("JMH options after --");

        err.getBuffer().setLength(0);
        assertThat(run("bench", "jmh", "NoSuchBenchmark")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no benchmark matches NoSuchBenchmark");
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
