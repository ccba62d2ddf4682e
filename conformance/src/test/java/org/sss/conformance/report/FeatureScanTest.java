package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading scenarios and their inherited tags from feature files without running them. */
class FeatureScanTest {
    @Test
    void readsScenariosRulesAndExampleRowsWithInheritedTags() {
        List<ScenarioDefinition> scenarios = FeatureScan.parse("07-frames.feature", """
                @frames
                Feature: 7 Frames

                  @AB-ONE-1 @must
                  Scenario: first
                    Given something

                  Rule: a rule
                    @AB-ONE-2
                    Scenario Outline: second <n>
                      Given <n>

                      @should
                      Examples:
                        | n |
                        | 1 |
                        | 2 |
                """);

        assertThat(scenarios).containsExactly(
                new ScenarioDefinition("07-frames.feature", 5, "first", "7 Frames", List.of("@frames", "@AB-ONE-1", "@must")),
                new ScenarioDefinition("07-frames.feature", 16, "second 1", "7 Frames", List.of("@frames", "@AB-ONE-2", "@should")),
                new ScenarioDefinition("07-frames.feature", 17, "second 2", "7 Frames", List.of("@frames", "@AB-ONE-2", "@should")));
        assertThat(scenarios.get(0).key()).isEqualTo("07-frames.feature:5");
        assertThat(scenarios.get(0).section()).isEqualTo("7");
    }

    @Test
    void aFileThatIsNotGherkinIsAnError() {
        assertThatThrownBy(() -> FeatureScan.parse("x.feature", "Feature: x\n  Scenario: y\n    Given a\n      | a |\n      | b | c |\n"))
                .hasMessageStartingWith("x.feature: ");
    }

    @Test
    void sectionsComeFromTheFileNamePrefix() {
        assertThat(ScenarioDefinition.section("05-negotiation.feature")).isEqualTo("5");
        assertThat(ScenarioDefinition.section("A-test-services.feature")).isEqualTo("A");
        assertThat(ScenarioDefinition.section("misc.feature")).isEqualTo("misc");
    }

    @Test
    void findsEveryScenarioOfTheSuiteOnTheClassPath() {
        List<ScenarioDefinition> suite = FeatureScan.suite();

        assertThat(suite).isNotEmpty();
        assertThat(suite).extracting(ScenarioDefinition::key).doesNotHaveDuplicates();
        assertThat(suite).allSatisfy(s -> assertThat(s.line()).isPositive());
    }
}
