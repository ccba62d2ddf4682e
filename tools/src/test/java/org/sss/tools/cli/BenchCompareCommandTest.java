package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sss bench} with no subcommand and {@code sss bench compare}: usage errors name the option. */
class BenchCompareCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void refusesValuesOutOfRangeNamingTheOption() {
        assertThat(run("bench", "--repetitions", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--repetitions must be between 1 and 99, got 0").contains("Usage:");
        assertThat(out.toString()).isEmpty();
        assertError("--concurrency must be between 1 and 256, got 0", "bench", "compare", "--concurrency", "0");
        assertError("--contenders: unknown contender 'http'", "bench", "--contenders", "sss,http");
        assertError("--loss: 'lots' is not a percentage", "bench", "--loss", "1,lots");
        assertError("--loss: each rate must be a percentage from 0 to below 100, got 100.0", "bench", "--loss", "100");
        assertError("--workloads: unknown workload 'fast'", "bench", "--workloads", "bulk1,fast");
        assertError("--seconds must be between 1 and 600, got 0", "bench", "--seconds", "0");
    }

    @Test
    void aWorkloadNamedLikeASubcommandIsAWorkload() {
        // parsed as the value of --workloads, not as `sss bench handshakes`: the next error is about --seconds
        assertError("--seconds must be between 1 and 600, got 0", "bench", "--workloads", "handshakes", "--seconds", "0");
    }

    @Test
    void theSubcommandsAreStillThereAndHelpListsTheOptions() {
        assertThat(run("bench", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--contenders").contains("--loss").contains("--many-streams")
                .contains("compare").contains("jmh").contains("handshakes").contains("streams");
    }

    private void assertError(String message, String... args) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(message);
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
