package org.sss.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;
import org.sss.tools.spec.TestRepo;

/** The committed vector files of this checkout, and single-byte alterations of them. */
final class CommittedVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CommittedVectors() {
    }

    /** spec/vectors of the checkout the tests run in. */
    static Path dir() {
        return TestRepo.layout().vectors();
    }

    /** A committed file, parsed. */
    static JsonNode read(String name) {
        return VectorFiles.read(dir().resolve(name));
    }

    /** Writes {@code file} as {@code name} into {@code dir}. */
    static void write(Path dir, String name, JsonNode file) throws IOException {
        Files.writeString(dir.resolve(name), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(file));
    }

    /** The test with {@code tcId} of a (copied) file. */
    static ObjectNode test(JsonNode file, int tcId) {
        for (JsonNode group : file.path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                if (test.path("tcId").asInt() == tcId) {
                    return (ObjectNode) test;
                }
            }
        }
        throw new IllegalArgumentException("no tcId " + tcId);
    }

    /** The case of the test with {@code tcId}, for a checker. */
    static VectorCase testCase(String name, JsonNode file, int tcId) {
        return VectorFiles.cases(name, file).stream().filter(c -> c.tcId() == tcId).findFirst().orElseThrow();
    }

    /** The fields of {@code node} that hold a non-empty lowercase-hex byte string, less {@code except}. */
    static List<String> hexFields(JsonNode node, List<String> except) {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!except.contains(name) && node.get(name).isTextual() && node.get(name).asText().matches("([0-9a-f]{2})+")) {
                fields.add(name);
            }
        }
        return fields;
    }

    /**
     * Flips the lowest bit of the middle byte of the hex field {@code field}. The middle byte, not
     * the first or last: X25519 ignores the low bits of a secret key's first byte and the top bit
     * of a public key's last byte, so a flip there would change nothing.
     */
    static void flipMiddleByte(ObjectNode node, String field) {
        byte[] bytes = HexFormat.of().parseHex(node.get(field).asText());
        bytes[bytes.length / 2] ^= 1;
        node.put(field, HexFormat.of().formatHex(bytes));
    }

    /**
     * One dynamic test per hex value of every valid test of the committed file {@code name}: with the
     * middle byte of that value flipped, {@code check} (given the altered file and the altered test)
     * must report a problem. Fields in {@code decimalFields} are not hex and are skipped.
     */
    static Stream<DynamicTest> flippedByteTests(String name, List<String> decimalFields,
            BiFunction<JsonNode, VectorCase, List<String>> check) {
        JsonNode committed = read(name);
        return VectorFiles.cases(name, committed).stream().filter(VectorCase::isValid)
                .flatMap(test -> hexFields(test.test(), decimalFields).stream()
                        .map(field -> DynamicTest.dynamicTest("tcId " + test.tcId() + " " + field, () -> {
                            JsonNode file = committed.deepCopy();
                            flipMiddleByte(test(file, test.tcId()), field);
                            org.assertj.core.api.Assertions.assertThat(check.apply(file, testCase(name, file, test.tcId())))
                                    .as("problems reported for tcId %d with %s altered", test.tcId(), field)
                                    .isNotEmpty();
                        })));
    }
}
