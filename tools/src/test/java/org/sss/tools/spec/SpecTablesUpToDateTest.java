package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** DESIGN.md section 3: the committed tables of SPEC.md are the ones sss.ksy yields. */
class SpecTablesUpToDateTest {

    @Test
    void committedTablesMatchTheKsy() throws IOException {
        RepoLayout repo = TestRepo.layout();
        assertThat(repo.specMarkdown()).as("the normative specification").isRegularFile();

        GeneratedRegions.Rewrite rewrite = new SpecTables(KsyReader.read(repo.ksy()))
                .apply(Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8), "spec/SPEC.md");

        assertThat(rewrite.regions()).as("LAYOUT regions in spec/SPEC.md").isNotEmpty();
        assertThat(rewrite.stale())
                .as("tables of spec/SPEC.md out of date with spec/sss.ksy; regenerate them with ./sss spec tables")
                .isEmpty();
    }
}
