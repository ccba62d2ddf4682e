package org.sss.tools.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/**
 * handshake.json replayed through the real Responder, Initiator and Channel: the committed file
 * passes, and every altered value, verdict or history fails the test it belongs to.
 */
class HandshakeVectorCheckerTest {
    private static final String FILE = "handshake.json";
    /** Unsigned 64-bit decimal strings, which can look like hex. */
    private static final List<String> DECIMAL_FIELDS = List.of("nonceCounter", "packetNumber");

    private final HandshakeVectorChecker checker = new HandshakeVectorChecker();

    @TempDir
    Path dir;

    @Test
    void everyCommittedTestPasses() {
        JsonNode file = CommittedVectors.read(FILE);
        VectorFileChecker bound = checker.forFile(file);
        List<VectorCase> cases = VectorFiles.cases(FILE, file);
        assertThat(cases).filteredOn(VectorCase::isValid).hasSize(5);
        assertThat(cases).filteredOn(test -> !test.isValid()).extracting(VectorCase::dropReason).contains(
                "BOX_OPEN_FAILED", "BAD_PACKET_LENGTH", "COOKIE_INVALID", "COOKIE_MISMATCH", "VOUCH_INVALID",
                "PACKET_REPLAYED", "PACKET_NUMBER_MISMATCH", "UNKNOWN_CHANNEL");
        for (VectorCase test : cases) {
            assertThat(bound.check(test)).as(test.label()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> aFlippedByteInAnyValueOfTheTranscriptFailsThatTest() {
        return CommittedVectors.flippedByteTests(FILE, DECIMAL_FIELDS, (file, test) -> checker.forFile(file).check(test));
    }

    @TestFactory
    Stream<DynamicTest> aFlippedByteInAnyKeyOfTheGroupFailsTheTranscript() {
        JsonNode committed = CommittedVectors.read(FILE);
        JsonNode group = committed.get("testGroups").get(0);
        return CommittedVectors.hexFields(group, List.of()).stream().map(field -> DynamicTest.dynamicTest(field, () -> {
            JsonNode file = committed.deepCopy();
            CommittedVectors.flipMiddleByte((ObjectNode) file.get("testGroups").get(0), field);
            VectorFileChecker bound = checker.forFile(file);
            List<String> problems = new ArrayList<>();
            for (VectorCase test : VectorFiles.cases(FILE, file)) {
                if (test.isValid()) {
                    problems.addAll(bound.check(test));
                }
            }
            assertThat(problems).isNotEmpty();
        }));
    }

    @Test
    void aNonceCounterOrPacketNumberOffByOneFails() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        CommittedVectors.test(file, 3).put("nonceCounter", "3");
        CommittedVectors.test(file, 5).put("packetNumber", "4");
        VectorFileChecker bound = checker.forFile(file);

        assertThat(bound.check(CommittedVectors.testCase(FILE, file, 3))).containsExactly("nonceCounter: expected 3, actual 2");
        assertThat(bound.check(CommittedVectors.testCase(FILE, file, 5))).containsExactly("packetNumber: expected 4, actual 3");
    }

    @Test
    void anotherVerdictThanTheReceiversFails() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        CommittedVectors.test(file, 20).put("dropReason", "COOKIE_REPLAYED");

        assertThat(checker.forFile(file).check(CommittedVectors.testCase(FILE, file, 20))).singleElement()
                .asString().startsWith("dropReason: expected COOKIE_REPLAYED, actual PACKET_REPLAYED (");
    }

    @Test
    void aReplayWithoutTheOriginalInItsHistoryIsAccepted() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        ObjectNode replay = CommittedVectors.test(file, 24);
        assertThat(replay.get("after").toString()).isEqualTo("[1,2,3,4,5]");
        replay.putArray("after").add(1).add(2).add(3).add(4);

        assertThat(checker.forFile(file).check(CommittedVectors.testCase(FILE, file, 24)))
                .containsExactly("dropReason: expected PACKET_REPLAYED, actual accepted");
    }

    @Test
    void aHistoryThatIsNotAcceptedFails() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        CommittedVectors.test(file, 4).putArray("after").add(1).add(3);

        assertThat(checker.forFile(file).check(CommittedVectors.testCase(FILE, file, 4))).singleElement()
                .asString().startsWith("expected valid, actual dropped with UNKNOWN_CHANNEL (");
        CommittedVectors.test(file, 5).putArray("after").add(1).add(4);
        assertThat(checker.forFile(file).check(CommittedVectors.testCase(FILE, file, 5))).singleElement()
                .asString().startsWith("after: tcId 4 (MESSAGE) was not accepted: UNKNOWN_CHANNEL (");
    }

    @Test
    void withoutItsFileATestCannotBeChecked() {
        JsonNode file = CommittedVectors.read(FILE);

        assertThat(checker.check(CommittedVectors.testCase(FILE, file, 1))).singleElement().asString().contains("forFile");
    }

    @Test
    void vectorCheckNamesTheTcIdOfAnAlteredFile() throws IOException {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        ObjectNode initiate = CommittedVectors.test(file, 3);
        String expected = initiate.get("channelId").asText();
        CommittedVectors.flipMiddleByte(initiate, "channelId");
        String altered = initiate.get("channelId").asText();
        CommittedVectors.write(dir, FILE, file);
        StringWriter text = new StringWriter();

        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));

        assertThat(summary).isEqualTo(new VectorCheck.Summary(1, 25, 1));
        assertThat(text.toString()).contains("handshake.json: FAILED, 25 passed, 1 failed", "  tcId 3 [handshake] (",
                "): channelId: expected " + altered + ", actual " + expected, "vectors: 25 passed, 1 failed");
    }
}
