package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.sss.tools.cli.ExitCodes;
import org.sss.tools.cli.SssCommand;
import picocli.CommandLine;

/**
 * {@code sss bench streams} on the command line: its options, and usage errors that name the
 * option. (A run needs the stream layer and takes minutes; it is not a unit test.)
 */
class StreamBenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsEveryOption() {
        assertThat(run("bench", "streams", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--repetitions=R").contains("--warmup=W").contains("--megabytes=M")
                .contains("--streams=K").contains("--seed=SEED").contains("--idle-streams=N").contains("--seconds=S")
                .contains("--report-dir=DIR").contains("streams.md and streams.json");
    }

    @Test
    void benchListsTheStreamsCommand() {
        assertThat(run("bench", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("streams");
    }

    @Test
    void refusesAValueOutOfRangeNamingTheOption() {
        assertThat(run("bench", "streams", "--repetitions", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--repetitions must be between 1 and 99, got 0").contains("Usage:");
        assertThat(out.toString()).isEmpty();

        err.getBuffer().setLength(0);
        assertThat(run("bench", "streams", "--megabytes", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--megabytes must be between 1 and 10000, got 0");
    }

    @Test
    void refusesAnUnknownOptionAndANonNumber() {
        assertThat(run("bench", "streams", "--mb", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--mb");
        err.getBuffer().setLength(0);
        assertThat(run("bench", "streams", "--streams", "many")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--streams").contains("many");
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
