package org.sss.tools.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.tools.cli.SssRun.sss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sss.conformance.check.PacketRules;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.tools.cli.SssRun;

/**
 * {@code sss dissect} marks an opened plaintext that breaks a requirement with exactly that
 * requirement's ID, and nothing else: each case seals one crafted plaintext under a made-up channel
 * key next to a clean INITIATE, and the dissection with the keylog must mark that packet with the
 * expected IDs and leave the INITIATE unmarked. The seed of the keys is printed ({@code -Dsss.seed=N}).
 */
class DissectViolationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COUNTER = 5;
    private static Random random;

    @TempDir
    static Path dir;

    @BeforeAll
    static void seed() {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("DissectViolationsTest seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        random = new Random(seed);
    }

    /** The message of an INITIATE with nonce counter 1: a SETTINGS frame without entries. */
    private static byte[] settings() {
        return settings(1);
    }

    private static byte[] settings(long counter) {
        return CraftedChannel.plaintext(counter, true, new PeerFrame.Settings(List.of()));
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** {@code header} and {@code frames}, zero-padded to 16 bytes (frames given as raw bytes). */
    private static byte[] raw(byte[] header, byte[] frames) {
        byte[] p = concat(header, frames);
        return Arrays.copyOf(p, Math.max(16, (p.length + 15) / 16 * 16));
    }

    private static byte[] header(long pn) {
        return PacketHeader.of(pn, false).encode();
    }

    static Stream<Arguments> breaches() {
        PeerFrame.Ack cleanAck = PeerFrame.Ack.of(0, 0, 0, List.of());
        return Stream.of(
                Arguments.of("an undefined frame type", raw(header(COUNTER), new byte[] {0x11, 1, 2, 3}),
                        List.of("FRM-GEN-5")),
                Arguments.of("a reserved header bit", raw(new PacketHeader(0x20, 1, COUNTER).encode(),
                        new byte[] {PeerFrame.PING}), List.of("PKT-ENC-4")),
                Arguments.of("USID without INIT", raw(header(COUNTER), CraftedFrames.stream(PeerFrame.Stream.USID
                        | PeerFrame.Stream.LENGTH, 1, 0, null, 0, 0, 1, new byte[] {9}).bytes()),
                        List.of("FRM-STREAM-1")),
                Arguments.of("a reserved STREAM flag", CraftedChannel.plaintext(COUNTER, false,
                        CraftedFrames.stream(0x0002, 1, 0, 0, 0, new byte[] {1})), List.of("PKT-ENC-4")),
                Arguments.of("a STREAM offset beyond 2^62 - 1", CraftedChannel.plaintext(COUNTER, false,
                        CraftedFrames.stream(0, 1, 0, 8, (1L << 62) - 1, new byte[] {1, 2})),
                        List.of("FRM-STREAM-4")),
                Arguments.of("a STREAM frame for LSID 0", CraftedChannel.plaintext(COUNTER, false,
                        CraftedFrames.stream(0, 0, 0, 0, 0, new byte[] {1, 2})), List.of("STR-ROOT-1")),
                Arguments.of("M not a multiple of 16", Arrays.copyOf(raw(header(COUNTER),
                        new byte[] {PeerFrame.PING}), 20), List.of("PKT-SIZE-4", "CHN-PLAIN-1")),
                Arguments.of("an empty STREAM frame without FIN", CraftedChannel.plaintext(COUNTER, false,
                        PeerFrame.Stream.data(1, 0, new byte[0])), List.of("FRM-STREAM-3")),
                Arguments.of("a NACK range below least_unacked", CraftedChannel.plaintext(COUNTER, false,
                        PeerFrame.Ack.of(5, 10, 0, List.of(new PeerFrame.NackRange(2, 1)))), List.of("FRM-ACK-4")),
                Arguments.of("ACK entropy", CraftedChannel.plaintext(COUNTER, false,
                        new PeerFrame.Ack(7, 0, 1, 4, 0, List.of())), List.of("FRM-ACK-1")),
                Arguments.of("a reserved error code", CraftedChannel.plaintext(COUNTER, false,
                        PeerFrame.Close.of(0x20, "bye", cleanAck)), List.of("FRM-ERR-1")),
                Arguments.of("a packet number that is not the counter", CraftedChannel.plaintext(COUNTER + 2, false,
                        new PeerFrame.Ping()), List.of("CHN-HDR-5", "CRY-NONCE-3", "PKT-ENC-1")),
                Arguments.of("SETTINGS tags out of order", CraftedChannel.plaintext(COUNTER, false,
                        new PeerFrame.Settings(List.of(new PeerFrame.Setting(0x7001, new byte[1]),
                                new PeerFrame.Setting(0x7000, new byte[1])))), List.of("FRM-SET-2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void eachBreachIsMarkedWithExactlyItsIds(String name, byte[] plaintext, List<String> ids) throws Exception {
        String file = name.replaceAll("\\W+", "-");
        Path pcap = new CraftedChannel(random).initiate(1, settings()).fromInitiator(COUNTER, plaintext)
                .write(dir, file);
        SssRun run = sss("dissect", pcap.toString(), "--keylog", CraftedChannel.keylog(dir, file).toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.get(0).get("box").asText()).startsWith("opened");
        assertThat(array.get(0).get("violations")).as("the clean INITIATE").isEmpty();
        assertThat(array.get(1).get("box").asText()).startsWith("opened");
        assertThat(ids(array.get(1))).as(array.get(1).toString()).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode v : array.get(1).get("violations")) {
            assertThat(v.get("reason").asText()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void theResponderIsJudgedByTheExchangeRules() throws Exception {
        byte[] bogusAck = CraftedChannel.plaintext(1, true, new PeerFrame.Settings(List.of()),
                PeerFrame.Ack.of(1, 50, 0, List.of()));
        Path pcap = new CraftedChannel(random).initiate(1, settings()).fromResponder(1, bogusAck)
                .write(dir, "bogus-ack");
        SssRun run = sss("dissect", pcap.toString(), "--keylog", CraftedChannel.keylog(dir, "bogus-ack").toString(),
                "--json");
        JsonNode array = JSON.readTree(run.out());
        assertThat(ids(array.get(0))).isEmpty();
        assertThat(ids(array.get(1))).as(array.get(1).toString()).containsExactly("CHN-ACK-5");
        assertThat(array.get(1).get("violations").get(0).get("reason").asText()).as("roles named as in a capture")
                .contains("initiator").doesNotContain("tester", "IUT");
    }

    @Test
    void aResponderDatagramWithTheInitiatorsLongTermKeyInTheClearIsMarked() throws Exception {
        CraftedChannel channel = new CraftedChannel(random);
        byte[] box = new byte[144];
        System.arraycopy(channel.identity(), 0, box, 40, 32);
        Path pcap = channel.hello(1).cookie(box).initiate(2, settings(2)).write(dir, "identity-in-clear");
        JsonNode array = JSON.readTree(sss("dissect", pcap.toString(), "--keylog",
                CraftedChannel.keylog(dir, "identity-in-clear").toString(), "--json").out());
        assertThat(ids(array.get(0))).isEmpty();
        assertThat(ids(array.get(1))).as(array.get(1).toString()).containsExactly("SEC-ID-1");
        assertThat(array.get(1).get("violations").get(0).get("reason").asText()).contains("long-term key I");
        assertThat(ids(array.get(2))).isEmpty();
    }

    @Test
    void aCleanCraftedExchangeHasNoMarks() throws Exception {
        byte[] responder = CraftedChannel.plaintext(1, true, new PeerFrame.Settings(List.of()),
                PeerFrame.Ack.of(1, 1, 0, List.of()), new PeerFrame.Ping());
        byte[] initiator = CraftedChannel.plaintext(2, false, PeerFrame.Ack.of(1, 1, 0, List.of()));
        Path pcap = new CraftedChannel(random).initiate(1, settings()).fromResponder(1, responder)
                .fromInitiator(2, initiator).write(dir, "clean");
        SssRun run = sss("dissect", pcap.toString(), "--keylog", CraftedChannel.keylog(dir, "clean").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("VIOLATION")
                .endsWith("Summary: 3 of 3 datagrams shown; violations: none\n");
    }

    @Test
    void textFilterSummaryHexAndExitCode() throws Exception {
        byte[] unknownType = raw(header(COUNTER), new byte[] {0x11});
        byte[] shortOne = Arrays.copyOf(raw(header(COUNTER + 1), new byte[] {PeerFrame.PING}), 20);
        Path pcap = new CraftedChannel(random).initiate(1, settings()).fromInitiator(COUNTER, unknownType)
                .fromInitiator(COUNTER + 1, shortOne).write(dir, "mixed");
        String keylog = CraftedChannel.keylog(dir, "mixed").toString();

        SssRun all = sss("dissect", pcap.toString(), "--keylog", keylog);
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("\n    [VIOLATION FRM-GEN-5] ", "\n    [VIOLATION PKT-SIZE-4] ",
                "\n    [VIOLATION CHN-PLAIN-1] ")
                .endsWith("Summary: 3 of 3 datagrams shown; violations: 3 (CHN-PLAIN-1 x1, FRM-GEN-5 x1, "
                        + "PKT-SIZE-4 x1)\n");

        SssRun only = sss("dissect", pcap.toString(), "--keylog", keylog, "--only-violations");
        assertThat(only.out().lines().filter(l -> l.startsWith("#")).toList()).hasSize(2)
                .allMatch(l -> l.startsWith("#2 ") || l.startsWith("#3 "));
        assertThat(only.out()).endsWith("Summary: 2 of 3 datagrams shown; violations: 3 (CHN-PLAIN-1 x1, "
                + "FRM-GEN-5 x1, PKT-SIZE-4 x1)\n");
        JsonNode onlyJson = JSON.readTree(sss("dissect", pcap.toString(), "--keylog", keylog, "--only-violations",
                "--json").out());
        assertThat(onlyJson).hasSize(2);
        assertThat(onlyJson.get(0).get("index").asInt()).isEqualTo(2);

        assertThat(sss("dissect", pcap.toString(), "--keylog", keylog, "--fail-on-violation").exit()).isEqualTo(1);
        Path clean = new CraftedChannel(random).initiate(1, settings()).write(dir, "initiate-only");
        assertThat(sss("dissect", clean.toString(), "--keylog", CraftedChannel.keylog(dir, "initiate-only")
                .toString(), "--fail-on-violation").exit()).isZero();

        SssRun hex = sss("dissect", pcap.toString(), "--keylog", keylog, "--hex");
        assertThat(hex.out()).contains("    datagram bytes:\n        0000  ", "        plaintext bytes:\n");
        JsonNode hexJson = JSON.readTree(sss("dissect", pcap.toString(), "--keylog", keylog, "--hex", "--json").out());
        assertThat(hexJson.get(1).get("hex").asText()).hasSize(2 * hexJson.get(1).get("length").asInt());
        assertThat(hexJson.get(1).get("plaintextHex").asText()).hasSize(2 * hexJson.get(1).get("plaintextLength")
                .asInt());
    }

    @Test
    void jsonIsTheSameBytesEveryRun() throws Exception {
        Path pcap = new CraftedChannel(random).initiate(1, settings())
                .fromInitiator(COUNTER, raw(header(COUNTER), new byte[] {0x11})).write(dir, "twice");
        String keylog = CraftedChannel.keylog(dir, "twice").toString();
        String first = sss("dissect", pcap.toString(), "--keylog", keylog, "--json", "--hex").out();
        assertThat(sss("dissect", pcap.toString(), "--keylog", keylog, "--json", "--hex").out()).isEqualTo(first);
        assertThat(first.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }

    @Test
    void mangledPlaintextsInBothDirectionsAreMarkedNeverThrown() throws Exception {
        byte[] valid = CraftedChannel.plaintext(0, true, new PeerFrame.Settings(List.of()),
                PeerFrame.Ack.of(1, 9, 0, List.of(new PeerFrame.NackRange(4, 2))),
                PeerFrame.Stream.data(2, 70000, new byte[] {1, 2, 3}),
                PeerFrame.Close.of(0, "bye", PeerFrame.Ack.of(1, 9, 0, List.of())));
        CraftedChannel channel = new CraftedChannel(random).initiate(1, settings());
        int packets = 200;
        for (int i = 0; i < packets; i++) {
            byte[] mangled = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mangled[random.nextInt(mangled.length)] ^= (byte) (1 + random.nextInt(255));
            }
            if (i % 2 == 0) {
                channel.fromInitiator(2 + i, mangled);
            } else {
                channel.fromResponder(1 + i, mangled);
            }
        }
        Path pcap = channel.write(dir, "mangled");
        SssRun run = sss("dissect", pcap.toString(), "--keylog", CraftedChannel.keylog(dir, "mangled").toString(),
                "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array).hasSize(packets + 1);
        int marked = 0;
        for (JsonNode p : array) {
            marked += p.get("violations").isEmpty() ? 0 : 1;
        }
        assertThat(marked).as("most mangled plaintexts break something").isGreaterThan(packets / 2);
    }

    @Test
    void everyPerPlaintextIdIsARuleOfTheConformanceSuite() {
        assertThat(PlaintextChecks.PER_PLAINTEXT).allMatch(id -> PacketRules.of(id) != null);
    }

    private static List<String> ids(JsonNode packet) {
        List<String> ids = new ArrayList<>();
        packet.get("violations").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }
}
