package org.sss.spec.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads vector files ({@code schema: sss-vectors/1}) from a directory or from the classpath, where
 * the spec jar packages them under {@code org/sss/spec/vectors/}.
 */
public final class VectorFiles {
    /** The schema id every file carries. */
    public static final String SCHEMA = "sss-vectors/1";
    /** Classpath folder of the packaged vectors. */
    public static final String RESOURCE_DIR = "org/sss/spec/vectors/";
    /** The wire-format files: every input is a wire unit named by its group type. */
    public static final List<String> WIRE_FORMAT_FILES = List.of(
            "frames.json", "packet-headers.json", "packets.json", "service-messages.json", "malformed.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VectorFiles() {
    }

    /** Reads a vector file. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a packaged vector file, e.g. {@code frames.json}. */
    public static JsonNode readResource(String fileName) {
        try (InputStream in = VectorFiles.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no packaged vector file " + RESOURCE_DIR + fileName);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /** Every test of a file, in order. */
    public static List<VectorCase> cases(String fileName, JsonNode file) {
        List<VectorCase> cases = new ArrayList<>();
        for (JsonNode group : file.path("testGroups")) {
            String type = group.path("type").asText();
            for (JsonNode test : group.path("tests")) {
                cases.add(new VectorCase(fileName, type, test));
            }
        }
        return cases;
    }

    /** Every {@code *.json} file of a directory, sorted by name. */
    public static List<Path> list(Path directory) {
        try (var stream = Files.list(directory)) {
            return stream.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
