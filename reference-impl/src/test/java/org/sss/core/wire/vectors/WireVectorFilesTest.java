package org.sss.core.wire.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sss.spec.vectors.VectorFiles;

/** The committed wire-format vector files are exactly what {@link WireVectorGenerator} produces. */
class WireVectorFilesTest {

    @Test
    @EnabledIfSystemProperty(named = "sss.vectors.write", matches = "true")
    void writesTheVectorFilesWhenAsked() {
        WireVectorGenerator.write(Paths.get("../spec/vectors"));
    }

    @Test
    void committedFilesEqualTheGeneratorOutput() throws IOException {
        for (Map.Entry<String, String> file : WireVectorGenerator.render().entrySet()) {
            String committed = committed(file.getKey());
            assertThat(committed)
                    .as("%s differs from the generator; rerun with -Dsss.vectors.write=true and rebuild sss-spec",
                            file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void generationIsDeterministic() {
        assertThat(WireVectorGenerator.render()).isEqualTo(WireVectorGenerator.render());
    }

    private String committed(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(VectorFiles.RESOURCE_DIR + name)) {
            assertThat(in).as("packaged vector file %s (run the generator, then rebuild sss-spec)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
