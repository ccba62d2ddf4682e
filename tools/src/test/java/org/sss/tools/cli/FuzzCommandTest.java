package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sss fuzz} against the embedded reference implementation, with and without a crash bug, and a dead target. */
class FuzzCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theReferenceSurvivesAShortRunAndTheSeedIsPrinted(@TempDir Path dir) {
        int code = run("fuzz", "--seed", "42", "--packets", "400", "--batch", "50", "--out", dir.toString());
        assertThat(code).as("%s%s", out, err).isZero();
        assertThat(out.toString()).contains("seed 42").contains("400 packets").contains("0 findings");
    }

    @Test
    void aCrashBugIsFoundAndItsReproducerStillFails(@TempDir Path dir) throws Exception {
        int code = run("fuzz", "--bug", "MALFORMED_INITIATE_CRASHES", "--stage", "pre", "--seed", "3",
                "--packets", "300", "--batch", "20", "--stop-after", "1", "--liveness-timeout", "2s",
                "--out", dir.toString());
        assertThat(code).as("%s%s", out, err).isEqualTo(1);
        Path finding;
        try (Stream<Path> found = Files.list(dir)) {
            finding = found.filter(p -> p.getFileName().toString().startsWith("finding-")).findFirst().orElseThrow();
        }
        assertThat(finding.resolve("packets.pcap")).exists();
        assertThat(Files.readString(finding.resolve("replay.txt"))).contains("./sss replay " + finding);
        out.getBuffer().setLength(0);
        int again = run("fuzz", "--bug", "MALFORMED_INITIATE_CRASHES", "--reproduce", finding.toString(),
                "--liveness-timeout", "2s", "--out", dir.toString());
        assertThat(again).as("%s%s", out, err).isEqualTo(1);
        assertThat(out.toString()).contains("still fails");
    }

    @Test
    void aTargetThatIsNotLiveBeforeFuzzingIsRefused(@TempDir Path dir) throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int code = run("fuzz", "--target", "127.0.0.1:" + silent.getLocalPort(), "--target-key", "ab".repeat(32),
                    "--liveness-timeout", "500ms", "--packets", "10", "--out", dir.toString());
            assertThat(code).as("%s%s", out, err).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(out.toString()).contains("fails the oracle before fuzzing");
        }
    }

    @Test
    void aBadStageIsAUsageError() {
        assertThat(run("fuzz", "--stage", "during")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("pre, post or both");
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
