package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sss interop} with its default: the reference implementation on both sides, a 1x1 matrix. */
class InteropCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theReferenceInteroperatesWithItselfOnEveryService() {
        int exit = run("interop", "--seed", "5");

        assertThat(exit).as("%s%s", out, err).isZero();
        assertThat(out.toString()).contains("initiator \\ responder | reference")
                .containsPattern("reference +\\| 4/4 pass");
    }

    @Test
    void aResponderThatPrintsNoReadyLineIsAnErrorCell() {
        int exit = run("interop", "--timeout", "5000", "--impl", "mute=true,true {host} {port} {key} {service}");

        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).containsPattern("mute +\\| error").contains("instead of its ready line");
    }

    @Test
    void aMalformedImplementationIsAUsageError() {
        assertThat(run("interop", "--impl", "nameonly")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("NAME=SERVE_CMD,CONNECT_CMD");
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
