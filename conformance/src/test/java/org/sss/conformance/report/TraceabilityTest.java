package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.conformance.RequirementCatalog;

/**
 * The suite's coverage rule (DESIGN.md section 3, issue 5): every MUST and MUST NOT requirement of SPEC.md
 * is checked by at least one scenario, or the exemptions file (conformance/untestable-requirements.tsv)
 * says why no black-box observation over UDP can decide it; no exemption outlives the scenario that
 * now covers it, and neither exemptions nor tags name a requirement SPEC.md lacks. It runs in every
 * build, so a new MUST in SPEC.md fails the build until a scenario (or a reason) comes with it.
 */
class TraceabilityTest {
    private final Traceability report = Traceability.build(RequirementCatalog.load(), FeatureScan.suite(), List.of(),
            Exemptions.load());

    @Test
    void everyMustHasAScenarioOrAReasonWhyItCannotBeObserved() {
        assertThat(report.uncoveredMusts())
                .as("MUST/MUST NOT requirements with no scenario tag and no line in conformance/untestable-requirements.tsv")
                .isEmpty();
    }

    @Test
    void noExemptionNamesARequirementThatHasAScenario() {
        assertThat(report.staleExemptions())
                .as("exempted in conformance/untestable-requirements.tsv, yet a scenario is tagged with it")
                .isEmpty();
    }

    @Test
    void everyExemptionNamesARequirementOfTheSpec() {
        assertThat(report.unknownExemptions()).as("exemptions naming no requirement of spec/requirements.json").isEmpty();
    }

    @Test
    void everyRequirementTagNamesARequirementOfTheSpec() {
        assertThat(report.unknownTags()).as("scenario tags that look like requirement IDs but name none").isEmpty();
    }
}
