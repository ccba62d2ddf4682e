package org.sss.spec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the committed wire-format vectors with nothing but the Kaitai parser generated from
 * {@code sss.ksy}: the spec and its vectors agree without any implementation in between.
 * Valid inputs parse to exactly the listed field values. Invalid inputs whose fault the ksy can
 * express make the parser throw; the others break rules the ksy cannot state, listed in
 * {@link #SEMANTIC_ONLY}, and are left to implementations.
 */
class KaitaiVectorsTest {

    /** Drop reasons the ksy rejects: a failed valid/in-enum check or reading past the end. */
    static final Set<String> STRUCTURAL = Set.of(
            "DATAGRAM_TOO_SHORT", "UNKNOWN_MAGIC", "HEADER_TRUNCATED", "HEADER_RESERVED_BITS", "FEC_NOT_SUPPORTED",
            "UNKNOWN_FRAME_TYPE", "FRAME_TRUNCATED", "FRAME_RESERVED_BITS", "STREAM_USID_WITHOUT_INIT",
            "CLOSE_WITHOUT_ACK", "UNKNOWN_CONGESTION_FEEDBACK", "DECONGESTION_NO_SAMPLES");

    /**
     * Drop reasons the ksy does not (or only partly) express, so Kaitai is not asked to reject them:
     * exact packet and plaintext lengths (a size-eos body accepts any length that holds its fields),
     * the version value, LSID 0, empty STREAM data without FIN, offset overflow, ACK range order,
     * SETTINGS order and value lengths (the generated Java reads a known tag's integer without the
     * len_value substream), UTF-8 validity (decoding replaces bad bytes) and service-message faults
     * that include trailing bytes.
     */
    static final Set<String> SEMANTIC_ONLY = Set.of(
            "BAD_PACKET_LENGTH", "UNSUPPORTED_VERSION", "STREAM_LSID_ZERO", "STREAM_EMPTY_WITHOUT_FIN",
            "STREAM_OFFSET_OVERFLOW", "ACK_RANGE_INVALID", "SETTINGS_NOT_ASCENDING", "SETTINGS_BAD_VALUE",
            "STRING_NOT_UTF8", "SERVICE_MESSAGE_MALFORMED");

    private static List<VectorCase> allCases() {
        List<VectorCase> cases = new ArrayList<>();
        for (String file : VectorFiles.WIRE_FORMAT_FILES) {
            cases.addAll(VectorFiles.cases(file, VectorFiles.readResource(file)));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> validVectorsParseToTheListedFields() {
        return allCases().stream().filter(VectorCase::isValid).map(vector -> DynamicTest.dynamicTest(vector.label(), () -> {
            Object fields = vector.fields();
            assertThat(fields).as("fields").isNotNull();
            List<String> differences = FieldTrees.diff(fields, KaitaiDissector.dissect(vector.groupType(), vector.input()));
            assertThat(differences).as("fields listed vs Kaitai").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> structurallyInvalidVectorsAreRejectedByTheKsy() {
        return allCases().stream().filter(vector -> !vector.isValid() && STRUCTURAL.contains(vector.dropReason()))
                .map(vector -> DynamicTest.dynamicTest(vector.label() + " " + vector.dropReason(),
                        () -> assertThatThrownBy(() -> KaitaiDissector.dissect(vector.groupType(), vector.input()))
                                .isInstanceOf(RuntimeException.class)));
    }

    @Test
    void everyDropReasonInTheFilesIsClassified() {
        for (VectorCase vector : allCases()) {
            if (vector.isValid()) {
                continue;
            }
            String reason = vector.dropReason();
            if (!STRUCTURAL.contains(reason) && !SEMANTIC_ONLY.contains(reason)) {
                fail("%s: drop reason %s is neither structural nor semantic-only", vector.label(), reason);
            }
        }
    }

    @Test
    void everyFileFollowsTheSchema() {
        for (String file : VectorFiles.WIRE_FORMAT_FILES) {
            var json = VectorFiles.readResource(file);
            assertThat(json.path("schema").asText()).as(file).isEqualTo(VectorFiles.SCHEMA);
            List<VectorCase> cases = VectorFiles.cases(file, json);
            assertThat(json.path("numberOfTests").asInt()).as(file).isEqualTo(cases.size());
            assertThat(cases.stream().map(VectorCase::tcId).distinct().count()).as(file + " unique tcIds")
                    .isEqualTo(cases.size());
            for (VectorCase vector : cases) {
                assertThat(KaitaiDissector.UNITS).as(vector.label()).contains(vector.groupType());
                assertThat(vector.result()).as(vector.label()).isIn("valid", "invalid");
                for (String flag : vector.flags()) {
                    assertThat(json.path("notes").has(flag)).as(vector.label() + " flag " + flag + " in notes").isTrue();
                }
                if (!vector.isValid()) {
                    assertThat(vector.dropReason()).as(vector.label()).isNotBlank();
                }
            }
        }
    }
}
