package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.report.fixture.ReportFixtureSteps;
import org.sss.conformance.scenarios.ReferenceTarget;
import org.sss.conformance.target.Target;
import org.sss.conformance.verdict.Verdict;

/**
 * The plugin in a real Cucumber run of report-fixture.feature against the reference implementation: the
 * graded verdicts, requirement IDs, levels and seeds in results.json, the traceability files, and the
 * evidence bundle of the failed scenario (capture, keylog, failure with divergence, replay command).
 */
class ConformanceReportPluginTest {
    @TempDir
    static Path reports;
    private static Target target;
    private static Supplier<List<TesterPeer>> peersBefore;
    private static byte exitStatus;

    @BeforeAll
    static void run() {
        target = ReferenceTarget.start(UnaryOperator.identity());
        ReportFixtureSteps.target = target;
        peersBefore = ScenarioPeers.source();
        exitStatus = Main.run(new String[] {"--glue", "org.sss.conformance.report.fixture", "--plugin",
            ConformanceReportPlugin.class.getName() + ":" + reports, "classpath:org/sss/conformance/report/fixture"},
                Thread.currentThread().getContextClassLoader());
    }

    @AfterAll
    static void stop() {
        ScenarioPeers.register(peersBefore);
        target.close();
    }

    @Test
    void gradesEveryScenarioWithItsRequirementsLevelAndSeed() throws Exception {
        assertThat(exitStatus).as("Cucumber's exit status: one scenario fails").isEqualTo((byte) 1);
        RunReport report = RunReport.read(reports.resolve(RunReport.FILE));

        assertThat(report.results()).extracting(ScenarioResult::name, ScenarioResult::verdict, ScenarioResult::level)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("passes", Verdict.PASS, "MUST"),
                        org.assertj.core.groups.Tuple.tuple("passes leniently", Verdict.PASS_LENIENT, "SHOULD"),
                        org.assertj.core.groups.Tuple.tuple("lacks a feature", Verdict.UNSUPPORTED, "MUST"),
                        org.assertj.core.groups.Tuple.tuple("fails after a real exchange", Verdict.FAIL, "MUST"));
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.seed()).isEqualTo(ReportFixtureSteps.SEED);
            assertThat(r.feature()).isEqualTo("report-fixture.feature");
            assertThat(r.requirements()).contains("TST-ECHO-1");
            assertThat(r.outcome()).isEqualTo(Outcome.of(r.verdict()));
        });
        ScenarioResult lenient = find(report, "passes leniently");
        assertThat(lenient.lenientReasons()).containsExactly("a shorter reply");
        assertThat(find(report, "lacks a feature").abortReason()).isEqualTo("rekeying");
        ScenarioResult failed = find(report, "fails after a real exchange");
        assertThat(failed.key()).isEqualTo("report-fixture.feature:17");
        assertThat(failed.requirements()).containsExactly("TST-ECHO-1", "TST-ECHO-2");
        assertThat(failed.failure()).contains("TST-ECHO-2: the reply");
        assertThat(failed.evidence()).isEqualTo("evidence/report-fixture-17");
        assertThat(find(report, "passes").evidence()).isNull();
        assertThat(reports.resolve("traceability.md")).exists();
        assertThat(reports.resolve("traceability.json")).exists();
    }

    @Test
    void writesTheEvidenceBundleOfTheFailedScenario() throws Exception {
        Path bundle = reports.resolve("evidence/report-fixture-17");

        String failure = Files.readString(bundle.resolve("failure.txt"));
        assertThat(failure).contains("requirements: TST-ECHO-1 TST-ECHO-2 (level MUST)", "seed: 42",
                "-Dsss.seed=42 -Dcucumber.filter.name='^\\Qfails after a real exchange\\E$'",
                "expected: \"0011bb\"", "observed: \"0011aa\"", "failure: [TST-ECHO-2: the reply]\nexpected: \"0011bb\"\nobserved: \"0011aa\"\nfirst divergence at character 5",
                "peer1 -> IUT  HELLO", "IUT -> peer1  COOKIE", "peer1 -> IUT  INITIATE", "IUT -> peer1  MESSAGE",
                "frames: [", ExchangeTranscript.MARK);
        assertThat(failure.indexOf(ExchangeTranscript.MARK))
                .as("the divergence is marked at the failed step, after the exchange")
                .isGreaterThan(failure.lastIndexOf("IUT -> peer1  MESSAGE"));
        assertThat(Files.readString(bundle.resolve("replay.txt"))).contains("-Dsss.seed=42");
        List<String> keylog = Files.readAllLines(bundle.resolve("keylog.txt"));
        assertThat(keylog).filteredOn(l -> l.startsWith(Keylog.LABEL)).singleElement()
                .satisfies(line -> assertThat(line.split(" ")).hasSize(6)
                        .satisfies(f -> assertThat(f[4]).matches("[0-9a-f]{64}"))
                        // i' with R' gives K = crypto_box_beforenm(R', i'): the keylog is consistent
                        .satisfies(f -> assertThat(Hex.of(org.sss.conformance.peer.crypto.Nacl.beforenm(
                                Hex.parse(f[3]), Hex.parse(f[2])))).isEqualTo(f[4])));
        byte[] pcap = Files.readAllBytes(bundle.resolve("exchange.pcap"));
        assertThat(pcap.length).as("a header and at least HELLO, COOKIE, INITIATE and MESSAGEs").isGreaterThan(24 + 4 * 16 + 4 * 42);
        assertThat(Hex.of(java.util.Arrays.copyOf(pcap, 4))).isEqualTo("d4c3b2a1");
    }

    private static ScenarioResult find(RunReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
