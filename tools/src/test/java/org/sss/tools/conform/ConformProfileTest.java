package org.sss.tools.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.conformance.report.Outcome;
import org.sss.conformance.report.ScenarioResult;
import org.sss.conformance.verdict.Verdict;

/** Expectation profiles: both formats, and how they change outcomes. */
class ConformProfileTest {
    private static final String YAML = """
            name: myimpl
            features: [datagrams]
            timers: {idle-timeout: 4000}
            expected-failures:
              - requirement: CHN-ACK-3
                reason: ACK delay not implemented
              - scenario: A forged packet is ignored
                reason: known bug 12
            accepted-alternatives:
              - requirement: STR-PRIO-2
                reason: strict priorities, which the spec allows
            """;

    @Test
    void readsYamlAndPropertiesAlike() throws Exception {
        ConformProfile yaml = ConformProfile.yaml(YAML);
        ConformProfile properties = ConformProfile.properties("""
                name=myimpl
                features=datagrams
                timer.idle-timeout=4000
                expected-failure.CHN-ACK-3=ACK delay not implemented
                expected-failure.scenario.A\\ forged\\ packet\\ is\\ ignored=known bug 12
                accepted-alternative.STR-PRIO-2=strict priorities, which the spec allows
                """);

        assertThat(properties).isEqualTo(yaml);
        assertThat(yaml.timers()).containsEntry("idle-timeout", Duration.ofMillis(4000));
        assertThat(yaml.claims("datagrams")).isTrue();
        assertThat(yaml.claims("rekey")).isFalse();
        assertThat(ConformProfile.none().claims("rekey")).isTrue();
        assertThat(yaml.unclaimed(List.of("@requires-rekey", "@requires-datagrams", "@must"))).containsExactly("rekey");
        assertThat(yaml.exclusion(List.of("@requires-rekey", "@requires-datagrams", "@requires-fec")))
                .isEqualTo("not (@requires-fec or @requires-rekey)");
    }

    @Test
    void theShippedProfilesParse() throws Exception {
        java.nio.file.Path profiles = java.nio.file.Path.of("..", "conformance", "profiles");

        assertThat(ConformProfile.read(profiles.resolve("reference.yaml")).timers()).containsKeys("idle-timeout");
        ConformProfile example = ConformProfile.read(profiles.resolve("example.properties"));
        assertThat(example.features()).containsExactly("datagrams", "priorities");
        assertThat(example.expectedFailures()).hasSize(2);
    }

    @Test
    void rejectsUnknownKeysTimersAndExpectationsWithoutReason() {
        assertThatThrownBy(() -> ConformProfile.yaml("nmae: x\n")).hasMessageContaining("unknown key 'nmae'");
        assertThatThrownBy(() -> ConformProfile.yaml("timers: {idle: 1}\n")).hasMessageContaining("unknown timer hook 'idle'");
        assertThatThrownBy(() -> ConformProfile.yaml("expected-failures:\n  - requirement: X-Y-1\n"))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> ConformProfile.properties("expected-failure.X-Y-1=\n")).hasMessageContaining("needs a reason");
    }

    @Test
    void expectedFailuresAlternativesAndUnexpectedPasses() throws Exception {
        ConformProfile profile = ConformProfile.yaml(YAML);

        assertThat(profile.apply(result("acks late", "CHN-ACK-3", Verdict.FAIL)).outcome()).isEqualTo(Outcome.EXPECTED_FAIL);
        ScenarioResult upass = profile.apply(result("A forged packet is ignored", "CHN-RECV-1", Verdict.PASS));
        assertThat(upass.outcome()).isEqualTo(Outcome.UNEXPECTED_PASS);
        assertThat(upass.note()).contains("known bug 12");
        ScenarioResult alternative = profile.apply(result("priorities", "STR-PRIO-2", Verdict.FAIL));
        assertThat(alternative.outcome()).isEqualTo(Outcome.PASS_LENIENT);
        assertThat(alternative.note()).contains("strict priorities");
        assertThat(profile.apply(result("other", "CHN-RECV-1", Verdict.FAIL)).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(profile.apply(result("acks late", "CHN-ACK-3", Verdict.INCONCLUSIVE)).outcome())
                .isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void theSummaryFailsOnlyForMustFailuresAndGroupsBySection() {
        ScenarioResult mustFail = result("a", "CHN-RECV-1", Verdict.FAIL);
        ScenarioResult shouldFail = withLevel(result("b", "CHN-ACK-9", Verdict.FAIL), "SHOULD");
        ScenarioResult inconclusive = result("c", "CHN-RECV-2", Verdict.INCONCLUSIVE);

        assertThat(new ConformSummary(List.of(mustFail, shouldFail), 1).exitCode()).isEqualTo(ConformSummary.MUST_FAILED);
        assertThat(new ConformSummary(List.of(shouldFail), 1).exitCode()).isEqualTo(ConformSummary.OK);
        assertThat(new ConformSummary(List.of(shouldFail, inconclusive), 1).exitCode())
                .isEqualTo(ConformSummary.INCONCLUSIVE);
        String text = new ConformSummary(List.of(shouldFail, inconclusive), 1).render(List.of());
        assertThat(text).contains("warning: failed (SHOULD or weaker)", "inconclusive:");
    }

    private static ScenarioResult result(String name, String requirement, Verdict verdict) {
        return new ScenarioResult("06-x.feature:" + name, name, "06-x.feature", name.length(), "6",
                List.of("@" + requirement), List.of(requirement), "MUST", verdict, Outcome.of(verdict), null, List.of(),
                null, null, verdict == Verdict.FAIL ? "expected x, observed y" : null, 1L, 1, null, 1);
    }

    private static ScenarioResult withLevel(ScenarioResult r, String level) {
        return new ScenarioResult(r.key(), r.name(), r.feature(), r.line(), r.section(), r.tags(), r.requirements(), level,
                r.verdict(), r.outcome(), r.note(), r.lenientReasons(), r.abortReason(), r.blame(), r.failure(), r.seed(),
                r.durationMillis(), r.evidence(), r.run());
    }
}
