package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementLevel;

/** The extractor on requirements-fragment.md, a fixture with one case of each rule. */
class RequirementExtractorTest {

    private static List<Requirement> fragment;

    @BeforeAll
    static void extract() throws IOException {
        try (InputStream in = RequirementExtractorTest.class.getResourceAsStream("requirements-fragment.md")) {
            fragment = RequirementExtractor.extract(new String(in.readAllBytes(), StandardCharsets.UTF_8), "fragment.md");
        }
    }

    @Test
    void findsEveryDefinitionInDocumentOrder() {
        assertThat(fragment).extracting(Requirement::id).containsExactly(
                "DOC-GEN-1", "PKT-MAGIC-1", "PKT-MAGIC-2", "PKT-MAGIC-3", "PKT-MAGIC-4", "PKT-MAGIC-5",
                "FRM-GEN-1", "FRM-GEN-2", "VRD-GEN-1");
    }

    @Test
    void takesTheFirstKeywordOfTheSentenceAndFoldsIt() {
        assertThat(fragment).extracting(Requirement::id, Requirement::level).contains(
                tuple("DOC-GEN-1", RequirementLevel.MAY),
                tuple("PKT-MAGIC-1", RequirementLevel.MUST),
                tuple("PKT-MAGIC-2", RequirementLevel.MUST_NOT),
                tuple("PKT-MAGIC-3", RequirementLevel.MUST_NOT),
                tuple("PKT-MAGIC-5", RequirementLevel.MUST),
                tuple("FRM-GEN-1", RequirementLevel.SHOULD_NOT),
                tuple("FRM-GEN-2", RequirementLevel.SHOULD));
    }

    @Test
    void looksThroughTheWholeListItemWhenItsSentenceHasNoKeyword() {
        assertThat(find("PKT-MAGIC-4").level()).isEqualTo(RequirementLevel.MAY);
        assertThat(find("PKT-MAGIC-4").text()).isEqualTo("Logging the magic is fine.");
    }

    @Test
    void tracksTheNearestNumberedHeading() {
        assertThat(fragment).extracting(Requirement::id, Requirement::section, Requirement::sectionTitle).contains(
                tuple("DOC-GEN-1", "", "SSS version 1"),
                tuple("PKT-MAGIC-1", "3.1", "Magic"),
                tuple("PKT-MAGIC-3", "3.1", "Magic"),
                tuple("PKT-MAGIC-5", "3.1", "Magic"),
                tuple("FRM-GEN-2", "7", "Frames"),
                tuple("VRD-GEN-1", "A", "Receiver verdicts"));
    }

    @Test
    void keepsTheSentenceOnlyWithoutTheIdAndWithMarkdownRemoved() {
        assertThat(find("PKT-MAGIC-1").text()).isEqualTo("A receiver MUST drop a datagram shorter than 8 bytes.");
        assertThat(find("PKT-MAGIC-2").text())
                .isEqualTo("A receiver MUST NOT answer a datagram with an unknown magic; it SHOULD count it.");
        assertThat(find("PKT-MAGIC-3").text()).isEqualTo("Implementations SHALL NOT log the payload, e.g. for debugging.");
        assertThat(find("PKT-MAGIC-5").text()).isEqualTo("Dropping silently is REQUIRED.");
        assertThat(find("FRM-GEN-1").text()).isEqualTo(
                "A sender SHOULD NOT pad with PADDING frames; padding with EMPTY frames is NOT RECOMMENDED either.");
        assertThat(find("VRD-GEN-1").text()).isEqualTo("A verdict MUST name the DropReason it reached.");
    }

    @Test
    void reportsEveryDuplicateAndEveryIdWithoutKeyword() {
        String markdown = """
                ## 5 Negotiation

                [NEG-HELLO-1] A responder MUST answer. [NEG-HELLO-2] The HELLO is 192 bytes.

                [NEG-HELLO-1] A responder MUST answer again.

                - [NEG-HELLO-3] Nothing normative here.
                - [NEG-HELLO-2] Again, MAY.
                """;

        assertThatThrownBy(() -> RequirementExtractor.extract(markdown, "spec.md"))
                .isInstanceOfSatisfying(SpecInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "spec.md:3: requirement NEG-HELLO-2 has no BCP 14 keyword (MUST, SHOULD, MAY, ...) in its sentence",
                        "spec.md:5: requirement ID NEG-HELLO-1 is defined again (first at line 3)",
                        "spec.md:7: requirement NEG-HELLO-3 has no BCP 14 keyword (MUST, SHOULD, MAY, ...) in its sentence",
                        "spec.md:8: requirement ID NEG-HELLO-2 is defined again (first at line 3)"));
    }

    @Test
    void ignoresLowerCaseKeywords() {
        assertThatThrownBy(() -> RequirementExtractor.extract("[PKT-X-1] A receiver must drop it.\n", "spec.md"))
                .isInstanceOf(SpecInputException.class)
                .hasMessageContaining("PKT-X-1 has no BCP 14 keyword");
    }

    private static Requirement find(String id) {
        return fragment.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
