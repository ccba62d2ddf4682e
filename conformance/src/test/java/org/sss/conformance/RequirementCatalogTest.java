package org.sss.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementCatalogTest {

    private static final List<Requirement> TWO = List.of(
            new Requirement("FRM-STREAM-1", RequirementLevel.MUST, "7.2", "STREAM", "A receiver MUST close the channel."),
            new Requirement("FRM-STREAM-2", RequirementLevel.MAY, "7.2", "STREAM", "A sender MAY omit the offset."));

    @Test
    void readsBackWhatItWrites() throws IOException {
        String json = new RequirementCatalog(TWO).toJson();

        RequirementCatalog read = RequirementCatalog.read(stream(json));

        assertThat(read.requirements()).isEqualTo(TWO);
        assertThat(json).startsWith("{\n  \"schema\" : \"sss-requirements/1\",\n  \"source\" : \"SPEC.md\",\n  \"count\" : 2,")
                .contains("\"level\" : \"MUST\"")
                .endsWith("}\n");
    }

    @Test
    void readsTheFixtureFile() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("requirements-fixture.json")) {
            RequirementCatalog catalog = RequirementCatalog.read(in);

            assertThat(catalog.find("PKT-MAGIC-2")).get()
                    .extracting(Requirement::level, Requirement::section)
                    .containsExactly(RequirementLevel.MUST_NOT, "3.1");
            assertThat(catalog.idsAt(RequirementLevel.MUST)).containsExactly("PKT-MAGIC-1");
            assertThat(catalog.find("PKT-MAGIC-9")).isEmpty();
        }
    }

    @Test
    void rejectsAnotherSchema() {
        String json = new RequirementCatalog(TWO).toJson().replace("sss-requirements/1", "sss-requirements/2");

        assertThatThrownBy(() -> RequirementCatalog.read(stream(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sss-requirements/2");
    }

    @Test
    void rejectsACountThatDisagreesWithTheList() {
        String json = new RequirementCatalog(TWO).toJson().replace("\"count\" : 2", "\"count\" : 3");

        assertThatThrownBy(() -> RequirementCatalog.read(stream(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count 3");
    }

    @Test
    void rejectsTwoRequirementsWithOneId() {
        List<Requirement> twice = List.of(TWO.get(0), TWO.get(0));

        assertThatThrownBy(() -> new RequirementCatalog(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FRM-STREAM-1 twice");
    }

    @Test
    void foldsBcp14KeywordsIntoFiveLevels() {
        assertThat(RequirementLevel.ofKeyword("SHALL NOT")).isEqualTo(RequirementLevel.MUST_NOT);
        assertThat(RequirementLevel.ofKeyword("REQUIRED")).isEqualTo(RequirementLevel.MUST);
        assertThat(RequirementLevel.ofKeyword("NOT RECOMMENDED")).isEqualTo(RequirementLevel.SHOULD_NOT);
        assertThat(RequirementLevel.ofKeyword("OPTIONAL")).isEqualTo(RequirementLevel.MAY);
        assertThatThrownBy(() -> RequirementLevel.ofKeyword("must"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMalformedId() {
        assertThatThrownBy(() -> new Requirement("frm-1", RequirementLevel.MUST, "", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frm-1");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
