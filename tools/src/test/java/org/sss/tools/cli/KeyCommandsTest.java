package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sss keygen} and {@code sss key}. */
class KeyCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void keygenWritesAnOwnerOnlyKeyFileAndKeyPrintsTheSamePublicKey() throws Exception {
        Path file = dir.resolve("host.key");
        assertThat(run("keygen", file.toString())).isZero();
        String printed = out.toString().strip();
        assertThat(printed).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        out.getBuffer().setLength(0);
        assertThat(run("key", file.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo(printed);
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        Path file = dir.resolve("host.key");
        assertThat(run("keygen", file.toString())).isZero();
        String before = Files.readString(file);
        assertThat(run("keygen", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("exists already");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void keyRefusesAFileOthersCanRead() throws Exception {
        Path file = dir.resolve("host.key");
        assertThat(run("keygen", file.toString())).isZero();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("key", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("chmod 600");
        assertThat(run("key", dir.resolve("missing.key").toString())).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
