package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.tools.spec.TestRepo;
import picocli.CommandLine;

/** The command line end to end, on a scratch checkout holding the real sss.ksy. */
class SssCommandTest {

    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void scratchCheckout() throws IOException {
        Files.createDirectories(repo.resolve("spec"));
        Files.copy(TestRepo.layout().ksy(), repo.resolve("spec/sss.ksy"));
    }

    @Test
    void helpListsTheVerbsAndTheExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: sss", "spec", "Exit codes:", "3   an input file is missing or invalid");
        assertThat(run("spec", "--help")).isZero();
        assertThat(out.toString()).contains("tables", "requirements", "diagrams");
    }

    @Test
    void versionNamesTheToolkitVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("sss ").doesNotContain("${");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("spec", "tables", "--frobnicate")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--frobnicate");
    }

    @Test
    void tablesCheckFailsUntilTheTablesAreRegenerated() throws IOException {
        Files.writeString(repo.resolve("spec/SPEC.md"), """
                ## 8.2 Stream identifiers

                <!-- BEGIN LAYOUT usid -->
                <!-- END LAYOUT usid -->
                """);

        assertThat(run("spec", "tables", "--check", "--repo", repo.toString())).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(err.toString()).contains("1 of 1 generated tables are out of date: [LAYOUT usid]", "./sss spec tables");

        assertThat(run("spec", "tables", "--repo", repo.toString())).isZero();
        assertThat(Files.readString(repo.resolve("spec/SPEC.md"))).contains("| 0 | 16 | `channel_id` | bytes |");

        assertThat(run("spec", "tables", "--check", "--repo", repo.toString())).isZero();
        assertThat(out.toString()).contains("all 1 generated tables are up to date");
    }

    @Test
    void tablesReportAnUnknownTypeAsBadInput() throws IOException {
        Files.writeString(repo.resolve("spec/SPEC.md"), "<!-- BEGIN LAYOUT sextet -->\n<!-- END LAYOUT sextet -->\n");

        assertThat(run("spec", "tables", "--repo", repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(err.toString()).contains("sss: spec/SPEC.md:1: sss.ksy has no type sextet");
    }

    @Test
    void requirementsAreWrittenThenCheckedAndAMissingSpecIsBadInput() throws IOException {
        assertThat(run("spec", "requirements", "--repo", repo.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("spec/SPEC.md does not exist");

        Files.writeString(repo.resolve("spec/SPEC.md"), "## 3.1 Magic\n\n[PKT-MAGIC-1] A receiver MUST drop it.\n");
        assertThat(run("spec", "requirements", "--check", "--repo", repo.toString())).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run("spec", "requirements", "--repo", repo.toString())).isZero();
        assertThat(Files.readString(repo.resolve("spec/requirements.json"), StandardCharsets.UTF_8))
                .contains("\"id\" : \"PKT-MAGIC-1\"", "\"level\" : \"MUST\"", "\"section\" : \"3.1\"");
        assertThat(run("spec", "requirements", "--check", "--repo", repo.toString())).isZero();
    }

    @Test
    void diagramsCheckComparesTheDotFile() throws IOException {
        assertThat(run("spec", "diagrams", "--check", "--repo", repo.toString())).isEqualTo(ExitCodes.CHECK_FAILED);

        Files.createDirectories(repo.resolve("spec/diagrams"));
        Files.copy(TestRepo.layout().diagrams().resolve("sss.dot"), repo.resolve("spec/diagrams/sss.dot"));
        assertThat(run("spec", "diagrams", "--check", "--repo", repo.toString())).isZero();
    }

    @Test
    void aDirectoryWithoutTheKsyIsBadInput(@TempDir Path elsewhere) {
        assertThat(run("spec", "tables", "--repo", elsewhere.toString())).isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(err.toString()).contains("holds no spec/sss.ksy");
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
