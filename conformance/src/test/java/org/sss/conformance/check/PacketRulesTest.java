package org.sss.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.conformance.check.ExchangeFixture.ack;
import static org.sss.conformance.check.ExchangeFixture.concat;
import static org.sss.conformance.check.ExchangeFixture.datagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Proof that every rule of the packet checker can fail, and only when it should: a clean hand-made
 * exchange breaks no rule, and for each rule an exchange with one bad packet makes it report its own
 * requirement ID.
 */
class PacketRulesTest {
    private static final long MAX_62 = (1L << 62) - 1;

    /** One way to break one rule: the requirement ID and what to add to (or change in) an exchange. */
    private static final Map<String, Consumer<ExchangeFixture>> BREAKERS = new TreeMap<>();

    private static void breaks(String id, Consumer<ExchangeFixture> breaker) {
        BREAKERS.put(id, breaker);
    }

    static {
        breaks("PKT-MAGIC-1", f -> f.received(f.bytes(100)));
        breaks("PKT-MAGIC-4", f -> f.received(concat(Magic.INITIATE_MESSAGE.bytes(), f.bytes(200))));
        breaks("PKT-SIZE-2", f -> f.received(concat(Magic.COOKIE.bytes(), f.bytes(162))));
        breaks("PKT-SIZE-4", f -> f.iutPlaintext(f.iutCounter, plaintext(f.iutCounter, 24, new PeerFrame.Ping())));
        breaks("PKT-SIZE-7", f -> f.iutPlaintext(f.iutCounter, plaintext(f.iutCounter, 1184, new PeerFrame.Ping())));
        breaks("PKT-SIZE-9", f -> {
            f.testerSettings = new PeerFrame.Settings(List.of(PeerFrame.Setting.of(PeerFrame.Setting.MAX_PLAINTEXT, 300)));
            f.iutPlaintext(f.iutCounter, plaintext(f.iutCounter, 304, new PeerFrame.Ping()));
        });
        breaks("SEC-ID-1", f -> f.received(concat(Magic.COOKIE.bytes(), f.iutLongTerm, f.bytes(128))));
        breaks("CRY-KDF-3", f -> f.received(concat(Magic.COOKIE.bytes(), f.exchange().channelId(), f.bytes(144))));
        breaks("NEG-COOKIE-2", f -> f.received(concat(Magic.COOKIE.bytes(), f.bytes(160))));
        breaks("NEG-DOS-3", f -> {
            f.log.clear();
            f.received(concat(Magic.COOKIE.bytes(), f.bytes(160)));
            f.iut(true, PeerOptions.DEFAULT_SETTINGS);
            f.handshake();
        });
        breaks("CHN-SEND-1", f -> f.received(Packets.message(f.responderShortTerm, f.iutCounter++, f.bytes(48))));
        breaks("CRY-NONCE-1", f -> f.iutSealed(f.iutCounter, plaintext(f.iutCounter, 16, new PeerFrame.Ping()),
                NoncePrefix.MESSAGE_FROM_INITIATOR));
        Consumer<ExchangeFixture> wrongNumber = f -> f.iutPlaintext(f.iutCounter,
                PlaintextEncoder.padded(PacketHeader.of(f.iutCounter + 1, false), List.of(new PeerFrame.Ping())));
        breaks("CHN-HDR-5", wrongNumber);
        breaks("CRY-NONCE-3", wrongNumber);
        breaks("PKT-ENC-1", wrongNumber);
        Consumer<ExchangeFixture> reuse = f -> f.iutPlaintext(2, plaintext(2, 16, new PeerFrame.Ping()));
        breaks("CRY-CTR-3", reuse);
        breaks("CHN-PN-2", reuse);
        breaks("CHN-PLAIN-1", f -> f.iutPlaintext(f.iutCounter, plaintext(f.iutCounter, 24, new PeerFrame.Ping())));
        breaks("PKT-ENC-4", f -> f.iutPlaintext(f.iutCounter, PlaintextEncoder.padded(
                new PacketHeader(0x20, 1, f.iutCounter), List.of(new PeerFrame.Ping()))));
        breaks("CHN-HDR-3", f -> f.iutPlaintext(f.iutCounter, PlaintextEncoder.padded(
                new PacketHeader(0x10, 1, f.iutCounter), List.of(new PeerFrame.Ping()))));
        breaks("NEG-VER-2", f -> f.iutPlaintext(f.iutCounter, PlaintextEncoder.padded(
                new PacketHeader(0x01, 2, f.iutCounter), List.of(new PeerFrame.Ping()))));
        breaks("FRM-GEN-5", f -> f.iut(false, PeerFrame.raw(new byte[] {0x11})));
        breaks("FRM-STREAM-1", f -> f.iut(false,
                PeerFrame.Stream.data(1, 10, new byte[3]).with(PeerFrame.Stream.USID)));
        breaks("FRM-GEN-1", f -> f.iutPlaintext(f.iutCounter, PlaintextEncoder.paddedBeforeLast(
                PacketHeader.of(f.iutCounter, false), List.of(PeerFrame.raw(Hex.parse("0200000500"))))));
        breaks("STR-ROOT-1", f -> f.iut(false, new PeerFrame.Reset(0, 0x0E, "")));
        breaks("PKT-ENC-2", f -> f.iut(false, PeerFrame.raw(Hex.parse("06000000010000000e0002c0af"))));
        breaks("FRM-CLOSE-1", f -> f.iut(false, PeerFrame.raw(concat(
                FrameEncoder.encode(PeerFrame.Close.of(0, "", ack(2, 4))), new byte[] {0x0E}))));
        breaks("FRM-ERR-1", f -> f.iut(false, new PeerFrame.Reset(1, 0x10, "")));
        breaks("FRM-MAXD-1", f -> f.iut(false, new PeerFrame.MaxData(MAX_62 + 1)));
        breaks("FRM-MAXSD-3", f -> f.iut(false, new PeerFrame.MaxStreamData(1, MAX_62 + 1)));
        breaks("FRM-SET-2", f -> {
            f.log.clear();
            f.handshake();
            f.iut(true, new PeerFrame.Settings(List.of(PeerFrame.Setting.of(PeerFrame.Setting.IDLE_TIMEOUT_MS, 1000),
                    PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_DATA, 5000))), ack(2, 2));
        });
        breaks("FRM-ACK-1", f -> f.iut(false, new PeerFrame.Ack(1, 0, 2, 4, 0, List.of()), new PeerFrame.Ping()));
        breaks("NEG-VER-1", f -> {
            f.log.clear();
            f.handshake();
            f.iut(true, PeerOptions.DEFAULT_SETTINGS, ack(2, 2));
            f.iut(false, PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping());
        });
        breaks("FRM-SET-1", f -> {
            f.log.clear();
            f.handshake();
            f.iut(true, ack(2, 2), new PeerFrame.Ping());
        });
        breaks("CHN-ACK-5", f -> f.iut(false, ack(2, 99), new PeerFrame.Ping()));
        breaks("CHN-ACK-4", f -> {
            long onlyAck = f.tester(ack(1, 4));
            f.iut(false, ack(2, onlyAck));
        });
        breaks("CHN-CLOSE-2", f -> {
            f.iut(false, PeerFrame.Close.of(0, "done", ack(2, 4)));
            f.iut(false, new PeerFrame.Ping());
        });
        breaks("CHN-CLOSE-3", f -> {
            long close = f.tester(PeerFrame.Close.of(0, "bye", ack(1, 4)));
            f.iut(false, ack(2, close), new PeerFrame.Ping());
        });
        breaks("CHN-CC-6", f -> f.iut(false, ack(2, 4), new PeerFrame.Decongestion(new PeerFrame.CubicFeedback(0, 10))));
        breaks("FRM-GOAWAY-2", f -> {
            f.iut(false, new PeerFrame.Goaway(1, 0, ""));
            f.iut(false, new PeerFrame.Goaway(3, 0, ""));
        });
        breaks("FRM-PATH-3", f -> f.iut(false, new PeerFrame.PathResponse(f.bytes(8))));
        breaks("FRM-DETACH-1", f -> f.iut(false, new PeerFrame.Detach(1),
                PeerFrame.Stream.data(1, 10, new byte[3])));
        breaks("FRM-RESET-1", f -> {
            f.iut(false, new PeerFrame.Reset(1, 0x0E, ""));
            f.iut(false, PeerFrame.Stream.data(1, 10, new byte[3]));
        });
        breaks("STR-ID-1", f -> f.iut(false, PeerFrame.Stream.data(5, 0, new byte[3]).opening(0)));
        breaks("STR-OPEN-2", f -> {
            f.iut(false, PeerFrame.Stream.data(4, 0, new byte[3]).opening(1));
            f.iut(false, PeerFrame.Stream.data(4, 3, new byte[3]));
        });
        breaks("STR-PRIO-5", f -> f.iut(false, PeerFrame.Stream.data(6, 0, new byte[3]).opening(8)));
        breaks("FRM-STREAM-11", f -> f.iut(false, new PeerFrame.Stream(PeerFrame.Stream.INIT | PeerFrame.Stream.USID
                | PeerFrame.Stream.LENGTH, 6, 1, f.bytes(24), 0, new byte[3])));
        breaks("FRM-STREAM-9", f -> f.iut(false, PeerFrame.Stream.data(1, 0, "reply".getBytes())));
        breaks("FRM-STREAM-10", f -> f.iut(false, datagram(2, 1, 0, "dgram", true)));
        breaks("STR-DATA-3", f -> f.iut(false, PeerFrame.Stream.data(1, 0, "REPLY".getBytes())
                .with(PeerFrame.Stream.RECORD)));
        breaks("STR-FIN-1", f -> f.iut(false, PeerFrame.Stream.data(1, 10, "!".getBytes())
                .with(PeerFrame.Stream.FIN)));
        breaks("STR-DGRAM-3", f -> {
            f.iut(false, datagram(4, 1, 0, "abc", false));
            f.iut(false, PeerFrame.Stream.data(4, 3, "de".getBytes()).with(PeerFrame.Stream.FIN).opening(1));
        });
        breaks("STR-DGRAM-2", f -> {
            f.iut(false, datagram(4, 1, 0, "abc", false));
            f.iut(false, datagram(4, 1, 3, "de", true).without(PeerFrame.Stream.INIT));
        });
        breaks("STR-DGRAM-1", f -> {
            f.iut(false, datagram(4, 1, 0, "abc", false));
            f.iut(false, datagram(4, 1, 3, "de", true));
        });
        breaks("STR-DGRAM-6", f -> {
            for (int i = 0; i < 17; i++) {
                f.iut(false, datagram(4, 1, 1000L * i, "x".repeat(1000), i == 16));
            }
        });
        breaks("STR-ID-2", f -> {
            f.iut(false, PeerFrame.Stream.data(6, 0, new byte[3]).opening(1));
            f.iut(false, PeerFrame.Stream.data(4, 0, new byte[3]).opening(1));
        });
        breaks("STR-REC-2", f -> f.iut(false, PeerFrame.Stream.data(1, 0, "replyhello".getBytes())
                .with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN)));
        breaks("STR-LIFE-1", f -> f.iut(false, PeerFrame.Stream.data(1, 5, "hello".getBytes())
                .with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN)));
        breaks("CHN-PLAIN-3", f -> f.iutPlaintext(f.iutCounter, plaintext(f.iutCounter, 32,
                PeerFrame.Stream.data(1, 0, "reply".getBytes()).without(PeerFrame.Stream.LENGTH))));
        breaks("CHN-FLOW-1", f -> {
            f.testerSettings = new PeerFrame.Settings(List.of(
                    PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, 8)));
        });
        breaks("CHN-FLOW-2", f -> {
            f.testerSettings = new PeerFrame.Settings(List.of(PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_DATA, 20)));
            f.iut(false, PeerFrame.Stream.data(4, 0, new byte[16]).opening(1));
        });
    }

    /** A plaintext of exactly {@code m} bytes: header, frames and zero bytes. */
    private static byte[] plaintext(long pn, int m, PeerFrame... frames) {
        byte[] body = PlaintextEncoder.unpadded(PacketHeader.of(pn, false), List.of(frames));
        byte[] out = new byte[m];
        System.arraycopy(body, 0, out, 0, body.length);
        return out;
    }

    private static List<String> ids(List<Violation> violations) {
        return violations.stream().map(Violation::requirement).distinct().toList();
    }

    @Test
    @DisplayName("a clean exchange breaks no rule, and gives most rules something to judge")
    void cleanExchange() {
        ExchangeFixture f = ExchangeFixture.clean();
        assertThat(f.violations()).isEmpty();
        List<String> idle = new ArrayList<>();
        for (PacketRule rule : PacketRules.all()) {
            if (rule.check(f.exchange()).judgedCount() == 0) {
                idle.add(rule.requirement());
            }
        }
        assertThat(idle).as("rules with nothing to judge in the clean exchange").doesNotContain("PKT-MAGIC-1",
                "PKT-SIZE-4", "CHN-SEND-1", "CHN-HDR-5", "FRM-SET-1", "CHN-ACK-5", "CHN-ACK-4", "STR-DGRAM-1",
                "STR-PRIO-5", "CHN-FLOW-1", "CHN-FLOW-2", "FRM-STREAM-9");
    }

    @Test
    @DisplayName("a clean close, a clean RESET and a repeated CLOSE in the closing state break no rule")
    void cleanCloseAndReset() {
        ExchangeFixture f = ExchangeFixture.clean();
        f.iut(false, new PeerFrame.Reset(1, 0x0E, "bye"));
        f.iut(false, PeerFrame.Close.of(0, "done", ack(2, 4)));
        f.tester(new PeerFrame.Ping());
        f.iut(false, PeerFrame.Close.of(0, "done", ack(2, 5)));
        assertThat(f.violations()).isEmpty();
    }

    @Test
    @DisplayName("STR-REC-3: a boundary placed after its byte was sent, by sending the byte again with RECORD, breaks no rule")
    void lateRecordBoundary() {
        ExchangeFixture f = ExchangeFixture.clean();
        f.iut(false, PeerFrame.Stream.data(4, 0, "abc".getBytes()).opening(0));
        f.iut(false, PeerFrame.Stream.data(4, 2, "c".getBytes()).with(PeerFrame.Stream.RECORD));
        f.iut(false, PeerFrame.Stream.data(4, 3, new byte[0]).with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN));
        assertThat(ids(f.violations())).doesNotContain("FRM-STREAM-9", "STR-REC-2");
    }

    @Test
    @DisplayName("CHN-PLAIN-3: a length-less STREAM frame with the padding before it breaks no rule")
    void lengthlessFramePaddedBefore() {
        ExchangeFixture f = ExchangeFixture.clean();
        f.iutPlaintext(f.iutCounter, PlaintextEncoder.paddedBeforeLast(PacketHeader.of(f.iutCounter, false),
                List.of(ack(2, 4), PeerFrame.Stream.data(6, 0, "late".getBytes()).without(PeerFrame.Stream.LENGTH)
                        .opening(1).with(PeerFrame.Stream.FIN))));
        assertThat(f.violations()).isEmpty();
        assertThat(PacketRules.of("CHN-PLAIN-3").check(f.exchange()).judgedCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("STR-LIFE-1 and STR-ID-2: a retransmission the tester's ACK in flight does not yet cover, and a lost "
            + "INIT, break no rule")
    void retransmissionsWhileUnknown() {
        ExchangeFixture f = ExchangeFixture.clean();
        PeerFrame.Stream reply = PeerFrame.Stream.data(6, 0, "bye".getBytes()).opening(1)
                .with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN);
        long sent = f.iut(false, reply);
        f.tester(ack(1, sent));
        f.iut(false, reply);
        f.iutCounter++; // lost on the way: it carried the first INIT of LSID 8
        f.iut(false, PeerFrame.Stream.data(10, 0, new byte[3]).opening(1));
        f.iut(false, PeerFrame.Stream.data(8, 0, new byte[3]).opening(1));
        assertThat(f.violations()).isEmpty();
    }

    @Test
    @DisplayName("every rule has a breaking exchange below")
    void everyRuleCanFail() {
        List<String> rules = PacketRules.all().stream().map(PacketRule::requirement).toList();
        assertThat(BREAKERS.keySet()).containsExactlyInAnyOrderElementsOf(rules);
    }

    static Stream<Arguments> breakers() {
        return BREAKERS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakers")
    @DisplayName("the exchange with one bad packet is reported under the broken rule's ID, with hex and dissection")
    void ruleReportsItsId(String id, Consumer<ExchangeFixture> breaker) {
        ExchangeFixture f = ExchangeFixture.clean();
        breaker.accept(f);
        List<Violation> violations = f.violations();
        assertThat(ids(violations)).as("violations: %s", violations).contains(id);
        Violation v = violations.stream().filter(x -> x.requirement().equals(id)).findFirst().orElseThrow();
        assertThat(v.explanation()).contains("expected").contains("observed");
        assertThat(v.format()).startsWith(id + ": ");
        if (!v.hex().isEmpty()) {
            assertThat(v.format()).contains("packet: " + v.hex()).contains("magic");
        }
    }
}
