package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed crypto.json and handshake.json are exactly what {@link VectorWriter} computes
 * today. With {@code -Dsss.vectors.write=true} it rewrites them instead.
 */
class VectorFilesTest {

    @Test
    void committedVectorFilesEqualWhatTheGeneratorComputes() throws IOException {
        Path dir = VectorWriter.vectorsDir();
        if (Boolean.getBoolean(VectorWriter.WRITE_PROPERTY)) {
            VectorWriter.writeAll(dir);
            System.out.println("[VectorFilesTest] rewrote vectors in " + dir.toAbsolutePath().normalize());
        }
        Map<String, String> expected = VectorWriter.files();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            assertThat(file).as("%s (regenerate with -D%s=true)", file, VectorWriter.WRITE_PROPERTY).exists();
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(firstDifference(committed, e.getValue()))
                    .as("%s differs from the generator's output; regenerate with -D%s=true", file,
                            VectorWriter.WRITE_PROPERTY)
                    .isEmpty();
        }
    }

    /** "line N: committed ... / generated ...", or "" when equal. */
    private static String firstDifference(String committed, String generated) {
        if (committed.equals(generated)) {
            return "";
        }
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": committed " + x.strip() + " / generated " + y.strip();
            }
        }
        return "line endings differ";
    }

    @Test
    void generatorIsDeterministic() {
        assertThat(VectorWriter.files()).isEqualTo(VectorWriter.files());
    }
}
