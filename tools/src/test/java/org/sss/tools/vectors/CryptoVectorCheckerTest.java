package org.sss.tools.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/** crypto.json recomputed with org.sss.core.crypto: the committed file passes, every altered value fails. */
class CryptoVectorCheckerTest {
    private static final String FILE = "crypto.json";
    /** Unsigned 64-bit decimal strings, which can look like hex. */
    private static final List<String> DECIMAL_FIELDS = List.of("counter");

    private final CryptoVectorChecker checker = new CryptoVectorChecker();

    @TempDir
    Path dir;

    @Test
    void everyCommittedTestPasses() {
        JsonNode file = CommittedVectors.read(FILE);
        List<VectorCase> cases = VectorFiles.cases(FILE, file);
        assertThat(cases).extracting(VectorCase::groupType).contains("x25519", "hsalsa20", "beforenm", "secretbox",
                "box", "nonce", "channel-id", "address-bound-minute-key");
        for (VectorCase test : cases) {
            assertThat(checker.check(test)).as(test.label()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> aFlippedByteInAnyValueOfAValidTestFailsThatTest() {
        return CommittedVectors.flippedByteTests(FILE, DECIMAL_FIELDS, (file, test) -> checker.check(test));
    }

    @Test
    void aCounterOffByOneFailsItsNonceTest() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        ObjectNode max = CommittedVectors.test(file, 46);
        assertThat(max.get("counter").asText()).isEqualTo("18446744073709551615");
        max.put("counter", "18446744073709551614");

        assertThat(checker.check(CommittedVectors.testCase(FILE, file, 46)))
                .containsExactly("nonce: expected 635556565963702d434c49454e542d6dffffffffffffffff, "
                        + "actual 635556565963702d434c49454e542d6dfffffffffffffffe",
                        "compressed: expected ffffffffffffffff, actual fffffffffffffffe");
    }

    @Test
    void anInvalidBoxThatOpensFails() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        ObjectNode valid = CommittedVectors.test(file, 18);
        ObjectNode modifiedTag = CommittedVectors.test(file, 24);
        assertThat(modifiedTag.get("key")).isEqualTo(valid.get("key"));
        modifiedTag.set("ct", valid.get("ct"));

        assertThat(checker.check(CommittedVectors.testCase(FILE, file, 24)))
                .containsExactly("dropReason: expected BOX_OPEN_FAILED, actual accepted: the box opened");
    }

    @Test
    void aRefusedKeyAgreementMustHaveTheBoxVerdict() {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        CommittedVectors.test(file, 7).put("dropReason", "COOKIE_INVALID");

        assertThat(checker.check(CommittedVectors.testCase(FILE, file, 7)))
                .containsExactly("dropReason: expected COOKIE_INVALID, actual BOX_OPEN_FAILED");
    }

    @Test
    void aMissingFieldIsAMalformedTest() throws IOException {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        CommittedVectors.test(file, 10).remove("output");
        CommittedVectors.write(dir, FILE, file);
        StringWriter text = new StringWriter();

        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(text.toString()).contains("tcId 10 [hsalsa20]", "malformed test: field output is missing");
    }

    @Test
    void vectorCheckNamesTheTcIdGroupFieldAndBothValuesOfAnAlteredFile() throws IOException {
        JsonNode file = CommittedVectors.read(FILE).deepCopy();
        ObjectNode test = CommittedVectors.test(file, 3);
        String expected = test.get("shared").asText();
        CommittedVectors.flipMiddleByte(test, "shared");
        String altered = test.get("shared").asText();
        CommittedVectors.write(dir, FILE, file);
        StringWriter text = new StringWriter();

        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));

        assertThat(summary).isEqualTo(new VectorCheck.Summary(1, 54, 1));
        assertThat(text.toString()).contains("crypto.json: FAILED, 54 passed, 1 failed",
                "  tcId 3 [x25519] (", "): shared: expected " + altered + ", actual " + expected,
                "vectors: 54 passed, 1 failed");
    }
}
