package org.sss.tools.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

class VectorCheckTest {

    @TempDir
    Path dir;

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(VectorFiles.RESOURCE_DIR + name)) {
            assertThat(in).as(name).isNotNull();
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void everyPackagedWireFormatVectorPasses() throws IOException {
        for (String name : VectorFiles.WIRE_FORMAT_FILES) {
            copy(name);
        }
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));
        assertThat(summary.files()).isEqualTo(5);
        assertThat(summary.failed()).as(text.toString()).isZero();
        assertThat(summary.passed()).isGreaterThan(200);
        assertThat(text.toString()).containsPattern("(?m)^frames\\.json: \\d+ passed$")
                .containsPattern("(?m)^malformed\\.json: \\d+ passed$")
                .containsPattern("(?m)^vectors: \\d+ passed, 0 failed$");
    }

    @Test
    void everyCommittedFileHasACheckerAndPasses() {
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = VectorCheck.check(CommittedVectors.dir(), new PrintWriter(text));

        assertThat(summary.failed()).as(text.toString()).isZero();
        assertThat(summary.files()).isEqualTo(7);
        assertThat(text.toString()).contains("crypto.json: 55 passed", "handshake.json: 26 passed")
                .doesNotContain("FAILED");
    }

    @Test
    void reportsATamperedVectorWithItsTcIdAndTheDifference() throws IOException {
        copy("packet-headers.json");
        Path file = dir.resolve("packet-headers.json");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replaceFirst("\"packet_number_low\": 258", "\"packet_number_low\": 259"));
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(text.toString()).contains("packet-headers.json: FAILED", "tcId 1 [packet_header]",
                "$.packet_number_low: expected 259, actual 258");
    }

    @Test
    void anAreaWithoutACheckerIsAFailure() throws IOException {
        Files.writeString(dir.resolve("other.json"),
                "{\"schema\": \"sss-vectors/1\", \"area\": \"other\", \"numberOfTests\": 0, \"testGroups\": []}");
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));
        assertThat(summary).isEqualTo(new VectorCheck.Summary(1, 0, 1));
        assertThat(text.toString()).contains("other.json: FAILED, no checker for area \"other\"",
                "vectors: 0 passed, 1 failed");
    }

    @Test
    void aWrongTestCountIsAFailureOfTheFile() throws IOException {
        copy("service-messages.json");
        Path file = dir.resolve("service-messages.json");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        int tests = VectorFiles.cases("service-messages.json", VectorFiles.read(file)).size();
        Files.writeString(file, json.replaceFirst("\"numberOfTests\": " + tests, "\"numberOfTests\": " + (tests + 1)));
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = VectorCheck.check(dir, new PrintWriter(text));
        assertThat(summary).isEqualTo(new VectorCheck.Summary(1, tests, 1));
        assertThat(text.toString()).contains("  file: numberOfTests: expected " + tests + " (the tests in the file), actual "
                + (tests + 1));
    }

    @Test
    void anAreaSelectionChecksOnlyItsFilesAndAMissingAreaFails() throws IOException {
        copy("packets.json");
        copy("service-messages.json");
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = new VectorCheck().run(dir, Set.of("packets", "crypto"), false, new PrintWriter(text));
        assertThat(summary.files()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(text.toString()).contains("packets.json: ", "area crypto: FAILED, no vector file in")
                .doesNotContain("service-messages.json");
    }

    @Test
    void quietListsOnlyFailingFilesAndTheSummary() throws IOException {
        copy("packets.json");
        Files.writeString(dir.resolve("other.json"), "{\"area\": \"other\"}");
        StringWriter text = new StringWriter();
        new VectorCheck().run(dir, Set.of(), true, new PrintWriter(text));
        assertThat(text.toString()).doesNotContain("packets.json").contains("other.json: FAILED")
                .containsPattern("(?m)^vectors: \\d+ passed, 1 failed$");
    }

    @Test
    void aRegisteredCheckerTakesItsArea() throws IOException {
        Files.writeString(dir.resolve("other.json"), "{\"schema\": \"sss-vectors/1\", \"area\": \"other\", "
                + "\"numberOfTests\": 1, \"testGroups\": [{\"type\": \"t\", \"tests\": [{\"tcId\": 1, \"result\": \"valid\"}]}]}");
        VectorFileChecker failing = new VectorFileChecker() {
            @Override
            public List<String> areas() {
                return List.of("other");
            }

            @Override
            public List<String> check(VectorCase test) {
                return List.of("always wrong");
            }
        };
        StringWriter text = new StringWriter();
        VectorCheck.Summary summary = new VectorCheck().register(failing).run(dir, new PrintWriter(text));
        assertThat(summary).isEqualTo(new VectorCheck.Summary(1, 0, 1));
        assertThat(text.toString()).contains("tcId 1 [t] (): always wrong", "vectors: 0 passed, 1 failed");
    }
}
