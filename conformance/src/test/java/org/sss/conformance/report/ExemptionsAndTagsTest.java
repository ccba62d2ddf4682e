package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementCatalog;
import org.sss.conformance.RequirementLevel;

/** The exemptions file's format, and how tags name requirements and levels. */
class ExemptionsAndTagsTest {
    private static final RequirementCatalog CATALOG = new RequirementCatalog(List.of(
            new Requirement("AB-ONE-1", RequirementLevel.SHOULD, "3.1", "Magic", "It SHOULD."),
            new Requirement("AB-ONE-2", RequirementLevel.MUST_NOT, "3.1", "Magic", "It MUST NOT.")));

    @Test
    void parsesIdTabReasonSkippingCommentsAndBlankLines() {
        Exemptions exemptions = Exemptions.parse("# ID<TAB>reason\n\nAB-ONE-1\t internal state \r\nAB-ONE-2\tRNG quality\n");

        assertThat(exemptions.reasons()).containsExactly(java.util.Map.entry("AB-ONE-1", "internal state"),
                java.util.Map.entry("AB-ONE-2", "RNG quality"));
    }

    @Test
    void rejectsALineWithoutReasonABadIdOrADuplicate() {
        assertThatThrownBy(() -> Exemptions.parse("AB-ONE-1 internal\n")).hasMessageContaining(":1: expected ID<TAB>reason");
        assertThatThrownBy(() -> Exemptions.parse("#\nab-one-1\tx\n")).hasMessageContaining(":2:");
        assertThatThrownBy(() -> Exemptions.parse("AB-ONE-1\tx\nAB-ONE-1\ty\n")).hasMessageContaining("AB-ONE-1 twice");
    }

    @Test
    void theSuitesExemptionsFileIsOnTheClassPathAndParses() {
        assertThat(Exemptions.load().reasons()).allSatisfy((id, reason) -> assertThat(reason).isNotBlank());
    }

    @Test
    void tagsNameRequirementsAndTheLevelTagWins() {
        ScenarioTags tags = new ScenarioTags(CATALOG);
        List<String> tagList = List.of("@AB-ONE-1", "@negative", "@AB-ZZ-9", "@AB-ONE-1");

        assertThat(tags.requirements(tagList)).containsExactly("AB-ONE-1");
        assertThat(tags.unknownRequirements(tagList)).containsExactly("AB-ZZ-9");
        assertThat(tags.level(tagList)).isEqualTo(RequirementLevel.SHOULD);
        assertThat(tags.level(List.of("@AB-ONE-1", "@AB-ONE-2"))).isEqualTo(RequirementLevel.MUST_NOT);
        assertThat(tags.level(List.of("@AB-ONE-2", "@should"))).isEqualTo(RequirementLevel.SHOULD);
        assertThat(tags.level(List.of("@should", "@must-not"))).isEqualTo(RequirementLevel.MUST_NOT);
        assertThat(tags.level(List.of("@negative"))).isEqualTo(RequirementLevel.MUST);
    }
}
