package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed seed corpora equal what {@link SeedCorpus} extracts from spec/vectors today. With
 * {@code -Dsss.fuzz.seeds.write=true} it rewrites them instead (run from the reference-impl module,
 * as Maven does).
 */
class SeedCorpusTest {

    @Test
    void committedSeedsMatchTheVectors() throws IOException {
        if (Boolean.getBoolean("sss.fuzz.seeds.write")) {
            SeedCorpus.write(SeedCorpus.RESOURCES);
            System.out.println("[SeedCorpusTest] rewrote the seed corpora under " + SeedCorpus.RESOURCES.toAbsolutePath());
        }
        Map<String, byte[]> seeds = SeedCorpus.seeds();
        assertThat(seeds).hasSizeGreaterThan(100);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Path file = SeedCorpus.RESOURCES.resolve(seed.getKey());
            assertThat(file).as("seed %s is committed; rewrite with -Dsss.fuzz.seeds.write=true", seed.getKey())
                    .exists();
            assertThat(Files.readAllBytes(file)).as("seed %s", seed.getKey()).isEqualTo(seed.getValue());
        }
    }
}
