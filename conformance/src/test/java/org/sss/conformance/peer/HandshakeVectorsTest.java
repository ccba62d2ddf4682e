package org.sss.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.peer.wire.ServiceMessages;
import org.sss.spec.vectors.VectorFiles;

/**
 * The tester peer replays {@code spec/vectors/handshake.json}: given the transcript's keys and nonces
 * it produces HELLO, INITIATE and its first MESSAGE byte for byte, and it opens the responder's COOKIE
 * and first MESSAGE (SPEC.md sections 5 and 6) and refuses the damaged ones it would receive.
 */
class HandshakeVectorsTest {
    private static final JsonNode GROUP = VectorFiles.readResource("handshake.json").path("testGroups").get(0);

    private static JsonNode test(int tcId) {
        for (JsonNode t : GROUP.path("tests")) {
            if (t.path("tcId").asInt() == tcId) {
                return t;
            }
        }
        throw new AssertionError("no test " + tcId);
    }

    private static byte[] hex(JsonNode node, String field) {
        return Hex.parse(node.path(field).asText());
    }

    private static InitiatorNegotiation negotiation() {
        X25519KeyPair identity = X25519KeyPair.fromSecretKey(hex(GROUP, "initiatorLongTermPrivate"));
        X25519KeyPair shortTerm = X25519KeyPair.fromSecretKey(hex(GROUP, "initiatorShortTermPrivate"));
        assertThat(Hex.of(identity.publicKey())).isEqualTo(GROUP.path("initiatorLongTermPublic").asText());
        assertThat(Hex.of(shortTerm.publicKey())).isEqualTo(GROUP.path("initiatorShortTermPublic").asText());
        return new InitiatorNegotiation(identity, shortTerm, hex(GROUP, "responderLongTermPublic"));
    }

    private static CookieContents cookie() {
        return negotiation().openCookie(hex(test(2), "packet")).orElseThrow();
    }

    /** The INITIATE's frames after SETTINGS: STREAM INIT LSID 1 parent 0, LENGTH, RECORD, connect request echo/echo. */
    private static List<PeerFrame> initiateStreamFrames() {
        byte[] request = ServiceMessages.connectRequest("echo", "echo");
        return List.of(PeerFrame.Stream.data(1, 0, request).opening(0).with(PeerFrame.Stream.RECORD));
    }

    @Test
    @DisplayName("NEG-HELLO-1: HELLO with counter 1 equals transcript test 1")
    void hello() {
        JsonNode t = test(1);
        assertThat(Hex.of(NoncePrefix.HELLO.withCounter(1))).isEqualTo(t.path("nonce").asText());
        assertThat(Hex.of(negotiation().hello(1))).isEqualTo(t.path("packet").asText());
    }

    @Test
    @DisplayName("NEG-COOKIE-3: the COOKIE of test 2 opens to R' and the cookie")
    void opensCookie() {
        JsonNode t = test(2);
        CookieContents c = cookie();
        assertThat(Hex.of(c.responderShortTermPublic())).isEqualTo(GROUP.path("responderShortTermPublic").asText());
        assertThat(Hex.of(c.cookie())).isEqualTo(t.path("cookie").asText());
    }

    @Test
    @DisplayName("NEG-INITIATE-1..4: the peer's own INITIATE message path and box equal transcript test 3")
    void initiate() {
        JsonNode t = test(3);
        PeerOptions options = PeerOptions.of(new InetSocketAddress("127.0.0.1", 9660), hex(GROUP,
                "responderLongTermPublic"), new Random(0), Duration.ofSeconds(1)).withInitiateFrames(initiateStreamFrames());
        byte[] message = HandshakeDriver.initiateMessage(options, 2);
        assertThat(Hex.of(message)).isEqualTo(t.path("messagePlaintext").asText());

        byte[] vouchRandom = java.util.Arrays.copyOfRange(hex(t, "vouchNonce"), 8, 24);
        InitiatorNegotiation n = negotiation();
        assertThat(Hex.of(n.vouch(vouchRandom))).isEqualTo(t.path("vouch").asText());
        assertThat(Hex.of(n.initiatePlaintext(vouchRandom, message))).isEqualTo(t.path("boxPlaintext").asText());
        ChannelBoxes boxes = n.channel(cookie());
        assertThat(Hex.of(boxes.channelKey())).isEqualTo(t.path("boxKey").asText());
        assertThat(Hex.of(boxes.channelId())).isEqualTo(t.path("channelId").asText());
        assertThat(Hex.of(n.initiate(2, cookie(), vouchRandom, message))).isEqualTo(t.path("packet").asText());
    }

    @Test
    @DisplayName("CHN-SEND-1, NEG-IPROC-3: the responder's first MESSAGE (test 4) opens and begins with SETTINGS then ACK")
    void opensFirstResponderMessage() {
        JsonNode t = test(4);
        ChannelBoxes boxes = negotiation().channel(cookie());
        byte[] plain = boxes.openMessage(hex(t, "packet")).orElseThrow();
        assertThat(Hex.of(plain)).isEqualTo(t.path("messagePlaintext").asText());
        var decoded = PlaintextDecoder.decode(plain);
        assertThat(decoded.header()).isEqualTo(new PacketHeader(1, 1, 1));
        assertThat(decoded.frames().get(0)).isInstanceOf(PeerFrame.Settings.class);
        assertThat(decoded.frames().get(1)).isEqualTo(PeerFrame.Ack.of(2, 2, 120, List.of()));
        assertThat(((PeerFrame.Ack) decoded.frames().get(1)).acknowledges(2)).isTrue();
    }

    @Test
    @DisplayName("CHN-SEND-1: the initiator's first MESSAGE (packet 3: ACK, STREAM \"hello\") equals transcript test 5")
    void firstInitiatorMessage() {
        JsonNode t = test(5);
        List<PeerFrame> frames = List.of(PeerFrame.Ack.of(1, 1, 2500, List.of()),
                PeerFrame.Stream.data(1, 14, "hello".getBytes(StandardCharsets.US_ASCII)).with(PeerFrame.Stream.RECORD));
        byte[] plain = PlaintextEncoder.padded(PacketHeader.of(3, false), frames);
        assertThat(Hex.of(plain)).isEqualTo(t.path("messagePlaintext").asText());
        ChannelBoxes boxes = negotiation().channel(cookie());
        assertThat(Hex.of(boxes.sealMessage(3, plain))).isEqualTo(t.path("packet").asText());
    }

    @Test
    @DisplayName("NEG-COOKIE-3, PKT-SIZE-5, CHN-RECV-1: damaged packets the initiator receives (tests 10, 11, 21, 22) do not open")
    void refusesDamagedPackets() {
        for (int tcId : new int[] {10, 11, 21, 22}) {
            JsonNode t = test(tcId);
            assertThat(t.path("receiver").asText()).isEqualTo("initiator");
            byte[] packet = hex(t, "packet");
            if (tcId <= 11) {
                assertThat(negotiation().openCookie(packet)).as("test %d", tcId).isEmpty();
            } else {
                assertThat(negotiation().channel(cookie()).openMessage(packet)).as("test %d", tcId).isEmpty();
            }
        }
    }
}
