package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** A vector file read back with Jackson, with the schema checks every file must pass. */
final class VectorFile {
    /** The drop reasons the brief defines (outer packet ones are all these files use). */
    static final Set<String> DROP_REASONS = Set.of("DATAGRAM_TOO_SHORT", "UNKNOWN_MAGIC", "BAD_PACKET_LENGTH",
            "BOX_OPEN_FAILED", "COOKIE_INVALID", "COOKIE_MISMATCH", "COOKIE_REPLAYED", "VOUCH_INVALID",
            "UNKNOWN_CHANNEL", "PACKET_REPLAYED", "PACKET_NUMBER_MISMATCH");

    final JsonNode root;

    private VectorFile(JsonNode root) {
        this.root = root;
    }

    static VectorFile read(String name) throws IOException {
        return new VectorFile(new ObjectMapper().readTree(VectorWriter.vectorsDir().resolve(name).toFile()));
    }

    /** Each test with its group, in file order. */
    List<JsonNode[]> tests() {
        List<JsonNode[]> all = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                all.add(new JsonNode[] {group, test});
            }
        }
        return all;
    }

    /** Schema, unique consecutive tcIds, numberOfTests, known flags, results and drop reasons. */
    void checkSchema(String area) {
        assertThat(root.get("schema").asText()).isEqualTo("sss-vectors/1");
        assertThat(root.get("area").asText()).isEqualTo(area);
        assertThat(root.get("specRef").asText()).startsWith("SPEC.md section");
        List<JsonNode[]> tests = tests();
        assertThat(root.get("numberOfTests").asInt()).isEqualTo(tests.size());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode[] gt : tests) {
            JsonNode t = gt[1];
            assertThat(ids.add(t.get("tcId").asInt())).as("unique tcId %s", t.get("tcId")).isTrue();
            assertThat(t.get("comment").asText()).isNotBlank();
            for (JsonNode flag : t.get("flags")) {
                assertThat(root.get("notes").has(flag.asText())).as("flag %s explained in notes", flag).isTrue();
            }
            String result = t.get("result").asText();
            assertThat(result).isIn("valid", "invalid", "acceptable");
            if (result.equals("invalid")) {
                assertThat(t.get("dropReason").asText()).isIn(DROP_REASONS);
            } else {
                assertThat(t.has("dropReason")).isFalse();
            }
            t.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && f.getValue().asText().matches("[0-9a-fA-F]{2,}")) {
                    assertThat(f.getValue().asText()).as("lowercase hex in %s", f.getKey())
                            .isEqualTo(f.getValue().asText().toLowerCase());
                }
            });
        }
        assertThat(ids).hasSize(tests.size());
        for (int i = 1; i <= tests.size(); i++) {
            assertThat(ids).contains(i);
        }
    }

    static byte[] hex(JsonNode node, String field) {
        assertThat(node.has(field)).as("field %s", field).isTrue();
        return HexFormat.of().parseHex(node.get(field).asText());
    }

    static String label(JsonNode group, JsonNode test) {
        return "tcId " + test.get("tcId").asInt() + " [" + group.get("type").asText() + "] " + test.get("comment").asText();
    }
}
