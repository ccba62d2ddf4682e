package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.spec.vectors.VectorFiles;
import org.sss.tools.spec.TestRepo;
import picocli.CommandLine;

/** {@code sss vectors} end to end: exit codes and the summary line on the committed and on altered vectors. */
class VectorsCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^vectors: (\\d+) passed, (\\d+) failed$");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theCommittedVectorsPassWithExitCode0() {
        assertThat(run("vectors", "--repo", TestRepo.layout().root().toString())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("crypto.json: 55 passed", "handshake.json: 26 passed")
                .containsPattern("(?m)^frames\\.json: \\d+ passed$");
        Matcher summary = SUMMARY.matcher(out.toString());
        assertThat(summary.find()).as(out.toString()).isTrue();
        assertThat(Integer.parseInt(summary.group(1))).isGreaterThan(300);
        assertThat(summary.group(2)).isEqualTo("0");
    }

    @Test
    void anAlteredVectorFailsWithExitCode1(@TempDir Path dir) throws IOException {
        for (Path file : VectorFiles.list(TestRepo.layout().vectors())) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Path crypto = dir.resolve("crypto.json");
        String json = Files.readString(crypto, StandardCharsets.UTF_8);
        String output = VectorFiles.read(crypto).get("testGroups").get(1).get("tests").get(0).get("output").asText();
        byte[] altered = HexFormat.of().parseHex(output);
        altered[16] ^= 1;
        String field = "\"output\": \"" + output + "\"";
        assertThat(json).containsOnlyOnce(field);
        Files.writeString(crypto, json.replace(field, "\"output\": \"" + HexFormat.of().formatHex(altered) + "\""));

        assertThat(run("vectors", "--dir", dir.toString())).isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(out.toString()).contains("crypto.json: FAILED, 54 passed, 1 failed", "  tcId 10 [hsalsa20] (",
                "): output: expected " + HexFormat.of().formatHex(altered) + ", actual " + output)
                .containsPattern("(?m)^vectors: \\d+ passed, 1 failed$");
    }

    @Test
    void quietPrintsOnlyTheSummaryWhenEverythingPasses() {
        assertThat(run("vectors", "--quiet", "--area", "crypto", "--dir", TestRepo.layout().vectors().toString()))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).isEqualTo(String.format("vectors: 55 passed, 0 failed%n"));
    }

    @Test
    void anUnknownAreaIsAUsageError() {
        assertThat(run("vectors", "--area", "cryptography")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Unknown area 'cryptography'", "crypto, handshake");
    }

    @Test
    void aMissingOrEmptyDirectoryIsBadInput(@TempDir Path empty) {
        assertThat(run("vectors", "--dir", empty.resolve("absent").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is not a directory");

        assertThat(run("vectors", "--dir", empty.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("holds no *.json vector files");
    }

    @Test
    void theTopLevelHelpListsTheVerb() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("vectors", "Verify the test vectors");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
