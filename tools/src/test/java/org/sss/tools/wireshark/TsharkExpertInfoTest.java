package org.sss.tools.wireshark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.PcapFile;
import org.sss.tools.spec.TestRepo;

/**
 * Crafted datagrams of every kind, well and badly sized, decoded on the dissector's port: each gets the
 * kind of its magic and expert info citing the rules of SPEC.md sections 3.1 and 3.3 it breaks; and on
 * any port (heuristic only) tshark agrees with {@code sss dissect}. Contents are random from a printed
 * seed ({@code -Dsss.seed=N}).
 */
class TsharkExpertInfoTest {
    private static final String P = DissectorAgreement.P;
    private static final int PORT = 47123;

    @TempDir
    Path dir;

    private record Case(byte[] payload, String kind, Set<String> ids) {
    }

    @Test
    void everyLengthAndMagicRuleIsCitedAndTsharkAgreesWithSssDissect() throws Exception {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("[TsharkExpertInfoTest] seed=" + seed + " (replay with -Dsss.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Case> cases = List.of(
                new Case(packet(random, "qVNq5xLh", 192), "HELLO", Set.of()),
                new Case(packet(random, "qVNq5xLh", 193), "HELLO", Set.of("PKT-SIZE-1")),
                new Case(packet(random, "rl3Anmxk", 168), "COOKIE", Set.of()),
                new Case(packet(random, "rl3Anmxk", 100), "COOKIE", Set.of("PKT-SIZE-2")),
                new Case(packet(random, "qVNq5xLi", 272), "INITIATE", Set.of()),
                new Case(packet(random, "qVNq5xLi", 260), "INITIATE", Set.of("PKT-SIZE-3")),
                new Case(packet(random, "rl3q5xLm", 80), "MESSAGE", Set.of()),
                new Case(packet(random, "rl3q5xLm", 70), "MESSAGE", Set.of("PKT-SIZE-4")),
                new Case(packet(random, "rl3q5xLm", 1240), "MESSAGE", Set.of("PKT-SIZE-4", "PKT-SIZE-7")),
                new Case(packet(random, "", 5), "SHORT", Set.of("PKT-MAGIC-3")),
                new Case(packet(random, "xxxxxxxx", 100), "UNKNOWN", Set.of("PKT-MAGIC-2")),
                new Case(packet(random, "qVNq5xLo", 100), "INITIATE_MESSAGE", Set.of("PKT-MAGIC-4")));
        InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT);
        List<CapturedDatagram> datagrams = new ArrayList<>();
        Instant time = Instant.now();
        for (int i = 0; i < cases.size(); i++) {
            datagrams.add(new CapturedDatagram(time.plusMillis(i), client, server, cases.get(i).payload()));
        }
        Path pcap = dir.resolve("crafted.pcap");
        PcapFile.write(pcap, datagrams);
        Tshark tshark = Tshark.require(WiresharkDissector.file(TestRepo.layout()), dir);

        List<Map<String, String>> rows = tshark.fields(pcap, List.of("-o", P + ".udp_port:" + PORT),
                DissectorAgreement.FIELDS);

        assertThat(rows).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Map<String, String> row = rows.get(i);
            Case c = cases.get(i);
            assertThat(row.get(P + ".kind")).as("datagram %d", i + 1).isEqualTo(c.kind());
            assertThat(row.get(P + ".length")).as("datagram %d", i + 1).isEqualTo(String.valueOf(c.payload().length));
            assertThat(DissectorAgreement.ids(row.get("_ws.expert.message"))).as("datagram %d: %s", i + 1,
                    row.get("_ws.expert.message")).isEqualTo(c.ids());
        }
        assertThat(rows.get(3).get("_ws.expert.message")).as("a truncated COOKIE")
                .contains("sssv1.cookie.box needs 144 bytes at offset 24; 76 remain");
        assertThat(rows.get(0).get(P + ".hello.nonce_counter")).isNotEmpty();

        DissectorAgreement.check(tshark, pcap);
    }

    private static byte[] packet(Random random, String magic, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, b, 0, Math.min(m.length, length));
        return b;
    }
}
