package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.target.Target;
import org.sss.tools.conform.EmbeddedReferenceTarget;
import picocli.CommandLine;

/**
 * {@code sss conform} end to end, in this JVM, over small tag selections: against the embedded reference
 * implementation, against the same implementation given as an external target, repeated, with a profile,
 * against a target whose key is wrong (MUST failures with evidence), and its usage errors.
 */
class ConformCommandTest {
    private static final String ECHO = "@TST-ECHO-1 and not @STR-DATA-1";

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void listsTheSelectedScenariosWithTheirTagsWithoutRunningThem() {
        assertThat(run("conform", "--list", "--tags", ECHO)).isZero();

        assertThat(out.toString()).contains("A-test-services.feature:", "echo returns records and FIN", "@TST-ECHO-1 @",
                "scenarios selected (of ");
    }

    @Test
    void runsAgainstTheEmbeddedReferenceAndWritesEveryReport() throws IOException {
        assertThat(run("conform", "--tags", ECHO, "--seed", "7", "--report-dir", reports.toString())).isZero();

        assertThat(out.toString()).contains("conformance of the embedded reference implementation",
                "section", "pass", "lenient", "FAIL", "unsupported", "inconclusive", "A Test services",
                "HTML (Cucumber):  " + reports.resolve("scenarios.html"), "traceability:").doesNotContain("FAILED (MUST)");
        for (String file : new String[] {"scenarios.html", "scenarios-junit.xml", "results.json", "traceability.md",
            "traceability.html", "traceability.json", "run.log"}) {
            assertThat(reports.resolve(file)).isNotEmptyFile();
        }
        JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile()).get("results");
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("outcome").asText()).isEqualTo("PASS");
            assertThat(r.get("seed").asLong()).isEqualTo(7);
            assertThat(r.get("requirements").toString()).contains("TST-ECHO-1");
        });
        assertThat(Files.readString(reports.resolve("traceability.md"))).containsPattern("\\| TST-ECHO-1 \\| MUST \\| covered \\| pass \\|");
    }

    @Test
    void repeatsAndReportsAPassRatePerScenario() {
        assertThat(run("conform", "--tags", ECHO, "--name", "echo returns records.*", "--repeat", "2", "--report-dir",
                reports.toString())).isZero();

        assertThat(out.toString()).contains("2 runs each", "pass rate over 2 runs: 1 of 1 scenarios passed every run; none flaky",
                "run-{1..2}");
        assertThat(reports.resolve("run-1/scenarios.html")).exists();
        assertThat(reports.resolve("run-2/results.json")).exists();
    }

    @Test
    void aProfileTurnsAnExpectedFailureThatPassesIntoAnUnexpectedPass() throws IOException {
        Path profile = reports.resolve("iut.yaml");
        Files.writeString(profile, """
                name: reference
                expected-failures:
                  - requirement: TST-ECHO-2
                    reason: pretend the echo is known to be broken
                """);

        assertThat(run("conform", "--tags", ECHO, "--name", "echo returns records.*", "--profile", profile.toString(),
                "--report-dir", reports.resolve("out").toString())).isZero();

        assertThat(out.toString()).contains("profile reference", "upass",
                "unexpected pass (the profile expects a failure):", "pretend the echo is known to be broken");
    }

    @Test
    void runsAgainstAnExternalTargetAndFailsWithEvidenceWhenItsKeyIsWrong() throws IOException {
        String address;
        try (Target target = new EmbeddedReferenceTarget().start()) {
            address = "127.0.0.1:" + target.address().getPort();
            String key = HexFormat.of().formatHex(target.publicKey());
            assertThat(run("conform", "--target", address, "--target-key", key, "--tags", ECHO, "--name",
                    "echo returns records.*", "--report-dir", reports.resolve("good").toString())).isZero();
            assertThat(out.toString()).contains("conformance of udp 127.0.0.1:" + target.address().getPort());

            byte[] wrong = target.publicKey();
            wrong[0] ^= 1;
            int code = run("conform", "--target", address, "--target-key", HexFormat.of().formatHex(wrong), "--tags", ECHO,
                    "--name", "echo returns records.*", "--report-dir", reports.resolve("bad").toString());

            assertThat(code).as(out.toString()).isEqualTo(1);
        }
        assertThat(out.toString()).contains("FAILED (MUST):", "echo returns records and FIN", "requirements: TST-ECHO-1",
                "evidence bundles:");
        Path bundle = Files.list(reports.resolve("bad/evidence")).findFirst().orElseThrow();
        assertThat(bundle.resolve("exchange.pcap")).isNotEmptyFile();
        // the handshake never completed, so no tester peer exists whose datagrams the bundle could show
        assertThat(Files.readString(bundle.resolve("failure.txt"))).contains("step Given a tester peer with a channel",
                ">>> FIRST DIVERGENCE", "replay: ./sss conform --target " + address, "--name '^\\Qecho returns records");
    }

    @Test
    void usageErrors() {
        assertThat(run("conform", "--target", "127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--target and --target-key go together");
        assertThat(run("conform", "--tags", "@a and")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("conform", "--tags", "@no-such-tag")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no scenario matches --tags @no-such-tag");
        assertThat(run("conform", "--repeat", "0")).isEqualTo(ExitCodes.USAGE);
    }

    private int run(String... args) {
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
