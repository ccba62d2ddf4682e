package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed spec/diagrams/sss.dot is what the Kaitai compiler's Graphviz target makes of sss.ksy. */
class DiagramsUpToDateTest {

    @Test
    void committedDotFileMatchesTheKsy() throws IOException, InterruptedException {
        RepoLayout repo = TestRepo.layout();
        Path committed = repo.diagrams().resolve("sss.dot");

        String fresh = KaitaiGraphviz.compile(repo.ksy());

        assertThat(fresh).startsWith("digraph {");
        assertThat(committed).as("spec/diagrams/sss.dot; generate it with ./sss spec diagrams").isRegularFile();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("spec/diagrams/sss.dot out of date with spec/sss.ksy; regenerate it with ./sss spec diagrams")
                .isEqualTo(fresh);
    }
}
