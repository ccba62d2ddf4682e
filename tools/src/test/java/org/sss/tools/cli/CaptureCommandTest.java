package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.tools.cli.SssRun.sss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.wire.Hex;
import org.sss.tools.capture.CaptureTestSupport;
import org.sss.tools.capture.Workloads;

/**
 * {@code sss capture}: a run writes a pcap whose frames are Ethernet/IPv4/UDP with valid checksums and
 * whose datagrams all dissect without a violation; the key log opens every INITIATE and MESSAGE box, as
 * a whole and also with only the initiator's lines or only the responder's (issue 6). The responder's
 * line carries r', consistent with R' and K. The capture seed is printed.
 */
class CaptureCommandTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path pcap;
    private static Path keylog;
    private static SssRun capture;

    @BeforeAll
    static void captureAnEchoOfRecordsAndDatagrams() {
        System.out.println("[CaptureCommandTest] seed=" + SEED);
        pcap = dir.resolve("records.pcap");
        keylog = dir.resolve("records.keylog");
        capture = sss("capture", "records-datagrams", "--pcap", pcap.toString(), "--keylog", keylog.toString(),
                "--seed", Long.toString(SEED));
    }

    @Test
    void theRunSummarisesWhatItWrote() {
        assertThat(capture.exit()).as(capture.err()).isZero();
        assertThat(capture.out()).contains("seed " + SEED).containsPattern(
                "records-datagrams: \\d+ datagrams at the initiator, 1 channel\\(s\\), pcap .*records.pcap, keylog ");
    }

    @Test
    void everyFrameHasValidChecksums() throws Exception {
        List<byte[]> frames = CaptureTestSupport.frames(pcap);
        assertThat(frames).hasSizeGreaterThan(6);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(CaptureTestSupport.checksumProblem(frames.get(i))).as("frame %d", i + 1).isNull();
        }
    }

    @Test
    void theWholeKeylogOpensEveryBoxAndNothingBreaksARequirement() throws Exception {
        assertEveryBoxOpens(keylog);
    }

    @Test
    void eitherEndsLinesAloneOpenEveryBox() throws Exception {
        List<String> lines = Files.readAllLines(keylog, StandardCharsets.UTF_8);
        List<String> channels = lines.stream().filter(l -> l.startsWith("SSS_CHANNEL ")).toList();
        assertThat(channels).as("one line from each end").hasSize(2);
        Path initiatorOnly = subset(lines, l -> l.startsWith("SSS_CHANNEL ") && !l.split(" ")[2].equals("-"),
                "initiator.keylog");
        Path responderOnly = subset(lines, l -> l.startsWith("SSS_MINUTE_KEY ")
                || l.startsWith("SSS_CHANNEL ") && l.split(" ")[2].equals("-"), "responder.keylog");
        assertEveryBoxOpens(initiatorOnly);
        assertEveryBoxOpens(responderOnly);
    }

    @Test
    void theRespondersLineCarriesItsShortTermSecret() throws Exception {
        String line = Files.readAllLines(keylog, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("SSS_CHANNEL ") && l.split(" ")[2].equals("-")).findFirst().orElseThrow();
        String[] f = line.split(" ");
        assertThat(f).hasSize(7);
        byte[] responderSecret = Hex.parse(f[6]);
        assertThat(Hex.of(Nacl.publicKey(responderSecret))).as("R' = base point times r'").isEqualTo(f[3]);
        assertThat(Hex.of(Nacl.beforenm(Hex.parse(f[1]), responderSecret))).as("K = beforenm(I', r')").isEqualTo(f[4]);
        assertThat(Files.readAllLines(keylog, StandardCharsets.UTF_8))
                .anyMatch(l -> l.matches("SSS_MINUTE_KEY [0-9a-f]{64}"));
    }

    @Test
    void listNamesEveryWorkloadAndUnknownOnesAreRefused() {
        SssRun list = sss("capture", "--list");
        assertThat(list.exit()).isZero();
        for (Workloads.Entry e : Workloads.list()) {
            assertThat(list.out()).contains(e.name() + (e.attack() ? " (attack)" : "") + ": ");
        }
        SssRun unknown = sss("capture", "no-such-workload", "--pcap", dir.resolve("x.pcap").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown workload no-such-workload", "handshake");
        SssRun external = sss("capture", "malformed", "--pcap", dir.resolve("y.pcap").toString(), "--target",
                "127.0.0.1:9", "--target-key", "00".repeat(32));
        assertThat(external.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(external.err()).contains("embedded responder");
    }

    private static void assertEveryBoxOpens(Path log) throws Exception {
        SssRun dissect = sss("dissect", "--json", "--keylog", log.toString(), pcap.toString());
        assertThat(dissect.exit()).as(dissect.err()).isZero();
        List<String> kinds = new ArrayList<>();
        for (JsonNode p : JSON.readTree(dissect.out())) {
            String kind = p.get("kind").asText();
            kinds.add(kind);
            assertThat(p.get("violations")).as("packet %s with %s", p.get("index"), log.getFileName()).isEmpty();
            if (kind.equals("INITIATE") || kind.equals("MESSAGE")) {
                assertThat(p.get("box").asText()).as("packet %s with %s", p.get("index"), log.getFileName())
                        .startsWith("opened");
            }
        }
        assertThat(kinds).contains("HELLO", "COOKIE", "INITIATE", "MESSAGE")
                .containsOnly("HELLO", "COOKIE", "INITIATE", "MESSAGE");
    }

    private static Path subset(List<String> lines, Predicate<String> keep, String name) throws Exception {
        return Files.write(dir.resolve(name), lines.stream().filter(keep).toList(), StandardCharsets.UTF_8);
    }

}
