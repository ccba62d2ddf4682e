package org.sss.tools.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.tools.cli.SssRun.sss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.PcapFile;
import org.sss.core.host.Host;
import org.sss.core.testservices.TestServiceHost;
import org.sss.tools.cli.EchoCapture;
import org.sss.tools.cli.SssRun;

/**
 * {@code sss dissect} over a real capture: a tester peer has the reference host's echo service return
 * a record; its datagrams are written as pcap and keylog by the conformance report classes (as in an
 * evidence bundle), and the dissection must name every packet kind, open every MESSAGE with the keylog
 * and show the echoed bytes in decrypted STREAM frames. The seed is printed ({@code -Dsss.seed=N}).
 */
class DissectCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path pcap;
    private static Path keylog;
    private static String echoedHex;
    private static Host host;

    @BeforeAll
    static void capture() throws Exception {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("DissectCommandTest seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        Random random = new Random(seed);
        host = TestServiceHost.start(UnaryOperator.identity());
        byte[] record = new byte[32];
        random.nextBytes(record);
        echoedHex = Hex.of(record);
        EchoCapture capture = EchoCapture.record(host, record, random, TIMEOUT, dir);
        pcap = capture.pcap();
        keylog = capture.keylog();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void withKeylogEveryMessageOpensAndTheEchoIsInStreamFrames() throws Exception {
        SssRun run = sss("dissect", pcap.toString(), "--keylog", keylog.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode array = JSON.readTree(run.out());
        List<String> kinds = new ArrayList<>();
        array.forEach(p -> kinds.add(p.get("kind").asText()));
        // a loaded machine may make the tester peer repeat its HELLO or INITIATE (NEG-TIMER)
        assertThat(kinds).startsWith("HELLO").contains("COOKIE", "INITIATE", "MESSAGE")
                .containsOnly("HELLO", "COOKIE", "INITIATE", "MESSAGE");
        assertThat(kinds.indexOf("INITIATE")).isLessThan(kinds.indexOf("MESSAGE"));
        List<String> fromResponder = new ArrayList<>();
        for (JsonNode p : array) {
            assertThat(p.get("violations")).as("packet %s", p).isEmpty();
            if (p.get("kind").asText().equals("MESSAGE") || p.get("kind").asText().equals("INITIATE")) {
                assertThat(p.get("box").asText()).as("packet %s", p.get("index")).startsWith("opened");
                assertThat(p.get("header").get("packetNumber").asText()).isEqualTo(p.get("counter").asText());
                for (JsonNode f : p.get("frames")) {
                    if (f.get("name").asText().equals("STREAM") && p.get("box").asText().contains("responder")) {
                        fromResponder.add(f.get("fields").get("data").asText());
                    }
                }
            }
        }
        assertThat(String.join("", fromResponder)).as("the echoed record, decrypted").contains(echoedHex);
    }

    @Test
    void textShowsOneBlockPerDatagramWithDecryptedFrames() {
        SssRun run = sss("dissect", pcap.toString(), "--keylog", keylog.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("HELLO, 192 bytes", "COOKIE, 168 bytes", "INITIATE, ", "MESSAGE, ",
                ": STREAM (", "        header:\n            flags: 0x", echoedHex.substring(0, 32))
                .doesNotContain("VIOLATION", "did not open").endsWith("violations: none\n");
        long blocks = Arrays.stream(run.out().split("\n")).filter(l -> l.startsWith("#")).count();
        assertThat(blocks).isEqualTo(sss("dissect", pcap.toString(), "--json").out().split("\"index\"").length - 1);
    }

    @Test
    void withoutKeylogMessagesAreOpaque() throws Exception {
        SssRun run = sss("dissect", pcap.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        for (JsonNode p : JSON.readTree(run.out())) {
            assertThat(p.has("frames")).isFalse();
            if (p.get("kind").asText().equals("MESSAGE")) {
                assertThat(p.get("box").asText()).isEqualTo("opaque (no keylog)");
                assertThat(p.get("outer").get("sender key").asText()).hasSize(64);
            }
        }
    }

    @Test
    void marksLengthViolationsWithTheirRequirement() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1000);
        InetSocketAddress b = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2000);
        byte[] shortMessage = Arrays.copyOf(Magic.MESSAGE.bytes(), 70);
        byte[] longHello = Arrays.copyOf(Magic.HELLO.bytes(), 193);
        Path bad = dir.resolve("bad.pcap");
        PcapFile.write(bad, List.of(new CapturedDatagram(Instant.now(), a, b, shortMessage),
                new CapturedDatagram(Instant.now(), a, b, longHello),
                new CapturedDatagram(Instant.now(), a, b, new byte[5]),
                new CapturedDatagram(Instant.now(), a, b, new byte[100])));
        SssRun run = sss("dissect", bad.toString(), "--keylog", keylog.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.get(0).get("violations").get(0).get("id").asText()).isEqualTo("PKT-SIZE-4");
        assertThat(array.get(1).get("violations").get(0).get("id").asText()).isEqualTo("PKT-SIZE-1");
        assertThat(array.get(2).get("kind").asText()).isEqualTo("SHORT");
        assertThat(array.get(2).get("violations").get(0).get("id").asText()).isEqualTo("PKT-MAGIC-3");
        assertThat(array.get(3).get("kind").asText()).isEqualTo("UNKNOWN");
        assertThat(array.get(3).get("violations").get(0).get("id").asText()).isEqualTo("PKT-MAGIC-2");
    }

    @Test
    void exitCodes() throws Exception {
        assertThat(sss("dissect").exit()).isEqualTo(2);
        assertThat(sss("dissect", dir.resolve("missing.pcap").toString()).exit()).isEqualTo(3);
        Path notPcap = Files.writeString(dir.resolve("not.pcap"), "not a capture");
        assertThat(sss("dissect", notPcap.toString()).exit()).isEqualTo(3);
        Path badKeylog = Files.writeString(dir.resolve("bad-keylog.txt"), "SSS_CHANNEL zz\n");
        SssRun run = sss("dissect", pcap.toString(), "--keylog", badKeylog.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("bad-keylog.txt:1");
    }
}
