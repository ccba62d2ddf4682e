package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementCatalog;

/** The committed spec/requirements.json is the one SPEC.md yields. */
class RequirementsUpToDateTest {

    @Test
    void committedRequirementListMatchesTheSpec() throws IOException {
        RepoLayout repo = TestRepo.layout();
        assertThat(repo.specMarkdown()).as("the normative specification").isRegularFile();

        String fresh = SpecRequirements.toJson(
                Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8), "spec/SPEC.md");

        assertThat(repo.requirementsJson())
                .as("spec/requirements.json; generate it with ./sss spec requirements")
                .isRegularFile();
        String committed = Files.readString(repo.requirementsJson(), StandardCharsets.UTF_8);
        assertThat(differingIds(committed, fresh))
                .as("requirements whose entry in spec/requirements.json differs from spec/SPEC.md;"
                        + " regenerate it with ./sss spec requirements")
                .isEmpty();
        assertThat(committed).as("spec/requirements.json formatting; regenerate it with ./sss spec requirements")
                .isEqualTo(fresh);
    }

    private static List<String> differingIds(String committedJson, String freshJson) throws IOException {
        RequirementCatalog committed = RequirementCatalog.read(stream(committedJson));
        RequirementCatalog fresh = RequirementCatalog.read(stream(freshJson));
        List<String> differing = new ArrayList<>();
        for (Requirement requirement : fresh.requirements()) {
            if (!committed.find(requirement.id()).equals(Optional.of(requirement))) {
                differing.add(requirement.id());
            }
        }
        for (Requirement requirement : committed.requirements()) {
            if (fresh.find(requirement.id()).isEmpty()) {
                differing.add(requirement.id() + " (no longer in SPEC.md)");
            }
        }
        return differing;
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
