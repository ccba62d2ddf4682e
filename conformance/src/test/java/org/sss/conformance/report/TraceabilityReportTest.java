package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementCatalog;
import org.sss.conformance.RequirementLevel;
import org.sss.conformance.report.Traceability.Status;
import org.sss.conformance.verdict.Verdict;

/** The traceability report on a small catalog: coverage, exemptions, verdicts over repeated runs, the three files. */
class TraceabilityReportTest {
    private static final RequirementCatalog CATALOG = new RequirementCatalog(List.of(
            new Requirement("AB-ONE-1", RequirementLevel.MUST, "3.1", "Magic", "A receiver MUST drop it."),
            new Requirement("AB-ONE-2", RequirementLevel.MUST_NOT, "3.1", "Magic", "A receiver MUST NOT answer | it."),
            new Requirement("AB-TWO-1", RequirementLevel.MUST, "4.2", "Keys", "Keys MUST be erased."),
            new Requirement("AB-TWO-2", RequirementLevel.SHOULD, "4.2", "Keys", "It SHOULD be quick."),
            new Requirement("AB-TWO-3", RequirementLevel.MUST, "4.2", "Keys", "It MUST be fresh.")));

    private static final ScenarioDefinition DROPS = new ScenarioDefinition("03-magic.feature", 7, "drops it", "3 Packets",
            List.of("@AB-ONE-1", "@must"));
    private static final ScenarioDefinition SILENT = new ScenarioDefinition("03-magic.feature", 12, "stays silent",
            "3 Packets", List.of("@AB-ONE-1", "@AB-ONE-2", "@must-not", "@AB-NOPE-9"));
    private static final ScenarioDefinition FRESH = new ScenarioDefinition("04-keys.feature", 3, "fresh keys", "4 Keys",
            List.of("@AB-TWO-3", "@must"));

    @Test
    void flagsAMustWithNoScenarioUnlessExemptedAndStaleAndUnknownExemptions() {
        Exemptions exemptions = Exemptions.parse("# header\nAB-TWO-1\tmemory erasure is internal\n"
                + "AB-TWO-3\tno longer true\nZZ-GONE-1\tremoved\n");

        Traceability report = Traceability.build(CATALOG, List.of(DROPS, SILENT, FRESH), List.of(), exemptions);

        assertThat(report.rows()).extracting(Traceability.Row::status).containsExactly(Status.COVERED, Status.COVERED,
                Status.NOT_OBSERVABLE, Status.UNCOVERED, Status.COVERED);
        assertThat(report.uncoveredMusts()).isEmpty();
        assertThat(report.staleExemptions()).containsExactly("AB-TWO-3");
        assertThat(report.unknownExemptions()).containsExactly("ZZ-GONE-1");
        assertThat(report.unknownTags()).containsExactly(Map.entry("03-magic.feature:12 stays silent", List.of("AB-NOPE-9")));
        assertThat(report.mustCounts()).containsEntry(Status.COVERED, 3).containsEntry(Status.NOT_OBSERVABLE, 1)
                .containsEntry(Status.UNCOVERED, 0);

        Traceability without = Traceability.build(CATALOG, List.of(DROPS), List.of(), Exemptions.none());
        assertThat(without.uncoveredMusts()).containsExactly("AB-ONE-2", "AB-TWO-1", "AB-TWO-3");
    }

    @Test
    void aRequirementTakesTheWorstVerdictOfItsScenariosCountedOverRuns() {
        List<ScenarioResult> results = List.of(
                result(DROPS, Outcome.PASS, 1), result(SILENT, Outcome.PASS, 1),
                result(DROPS, Outcome.PASS, 2), result(SILENT, Outcome.FAIL, 2));

        Traceability report = Traceability.build(CATALOG, List.of(DROPS, SILENT, FRESH), results, Exemptions.none());

        Traceability.Row one = report.rows().get(0);
        assertThat(one.verdict()).isEqualTo("FAIL");
        assertThat(one.scenarios()).extracting(Traceability.ScenarioVerdicts::verdict)
                .containsExactly("pass 2/2", "pass 1/2, FAIL 1/2");
        assertThat(report.rows().get(4).verdict()).isEqualTo("not run");
        assertThat(report.rows().get(3).verdict()).isEqualTo("-");
    }

    @Test
    void writesMarkdownJsonAndHtml(@TempDir Path directory) throws IOException {
        Traceability report = Traceability.build(CATALOG, List.of(DROPS), List.of(result(DROPS, Outcome.PASS, 1)),
                Exemptions.parse("AB-TWO-1\tmemory erasure is internal\n"));

        Path markdown = TraceabilityWriter.write(report, directory);

        String md = Files.readString(markdown);
        assertThat(md).contains("| AB-ONE-1 | MUST | covered | pass | drops it (`03-magic.feature:7`): pass |",
                "| AB-TWO-1 | MUST | not observable: memory erasure is internal |",
                "NO SCENARIO (MUST)", "A receiver MUST NOT answer \\| it.",
                "## MUST requirements without a scenario (2)\n\nAB-ONE-2, AB-TWO-3");
        JsonNode json = new ObjectMapper().readTree(directory.resolve("traceability.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo(TraceabilityWriter.SCHEMA);
        assertThat(json.get("uncoveredMusts")).hasSize(2);
        assertThat(json.get("requirements").get(2).get("notObservable").asText()).isEqualTo("memory erasure is internal");
        assertThat(json.get("requirements").get(0).get("scenarios").get(0).get("verdict").asText()).isEqualTo("pass");
        assertThat(Files.readString(directory.resolve("traceability.html"))).contains("<td>AB-ONE-1</td>", "class=\"gap\"");
    }

    private static ScenarioResult result(ScenarioDefinition scenario, Outcome outcome, int run) {
        Verdict verdict = outcome == Outcome.FAIL ? Verdict.FAIL : Verdict.PASS;
        return new ScenarioResult(scenario.key(), scenario.name(), scenario.feature(), scenario.line(),
                scenario.section(), scenario.tags(), new ScenarioTags(CATALOG).requirements(scenario.tags()), "MUST",
                verdict, outcome, null, List.of(), null, null, null, 1L, 5, null, run);
    }
}
