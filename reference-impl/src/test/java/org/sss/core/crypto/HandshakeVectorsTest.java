package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.crypto.VectorFile.hex;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitai.struct.ByteBufferKaitaiStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sss.spec.kaitai.Sss;

/**
 * handshake.json read back and checked from the receivers' side: every packet of the transcript is
 * accepted after the packets before it, every intermediate value is what the receiver (and
 * libsodium) computes, the packets and plaintexts parse with the Kaitai parser generated from
 * spec/sss.ksy, and every invalid packet is dropped for the stated reason.
 */
class HandshakeVectorsTest {
    private static VectorFile file;
    private static JsonNode group;
    private static Map<Integer, JsonNode> byId;

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final Libsodium sodium = Libsodium.get();

    @BeforeAll
    static void read() throws IOException {
        file = VectorFile.read("handshake.json");
        group = file.root.get("testGroups").get(0);
        byId = new HashMap<>();
        file.tests().forEach(gt -> byId.put(gt[1].get("tcId").asInt(), gt[1]));
    }

    @Test
    void fileFollowsTheVectorSchema() {
        file.checkSchema("handshake");
        assertThat(file.tests()).extracting(gt -> gt[1].get("packetType").asText())
                .contains("HELLO", "COOKIE", "INITIATE", "MESSAGE");
    }

    @Test
    void publicKeysBelongToTheirPrivateKeys() {
        for (String who : List.of("initiatorLongTerm", "responderLongTerm", "initiatorShortTerm", "responderShortTerm")) {
            byte[] sk = hex(group, who + "Private");
            byte[] pk = new byte[32];
            sodium.crypto_scalarmult_base(pk, sk);
            assertThat(pk).as(who).isEqualTo(hex(group, who + "Public"));
            assertThat(crypto.keyAgreement().publicKey(SecretKey.of(sk)).bytes()).as(who).isEqualTo(pk);
        }
    }

    @Test
    void transcriptFollowsTheCounterAndSizeRules() {
        assertThat(transcript()).extracting(t -> t.get("packetType").asText())
                .containsExactly("HELLO", "COOKIE", "INITIATE", "MESSAGE", "MESSAGE");
        assertThat(hex(byId.get(1), "packet")).hasSize(192);
        assertThat(hex(byId.get(2), "packet")).hasSize(168);
        // i' counts HELLO 1, INITIATE 2, MESSAGE 3; r' counts MESSAGE 1
        assertThat(byId.get(1).get("nonceCounter").asText()).isEqualTo("1");
        assertThat(byId.get(3).get("nonceCounter").asText()).isEqualTo("2");
        assertThat(byId.get(4).get("nonceCounter").asText()).isEqualTo("1");
        assertThat(byId.get(5).get("nonceCounter").asText()).isEqualTo("3");
        for (JsonNode t : transcript()) {
            byte[] packet = hex(t, "packet");
            assertThat(packet.length).isLessThanOrEqualTo(1232);
            if (t.has("messagePlaintext")) {
                int m = hex(t, "messagePlaintext").length;
                assertThat(m % 16).isZero();
                assertThat(m).isGreaterThanOrEqualTo(16);
                assertThat(packet.length - m).isEqualTo(t.get("packetType").asText().equals("INITIATE") ? 256 : 64);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPacketGetsTheStatedVerdict() {
        return file.tests().stream().map(gt -> DynamicTest.dynamicTest(VectorFile.label(gt[0], gt[1]), () -> verdict(gt[1])));
    }

    @TestFactory
    Stream<DynamicTest> transcriptValuesAreWhatTheReceiverAndLibsodiumCompute() {
        return transcript().stream().map(t -> DynamicTest.dynamicTest("tcId " + t.get("tcId").asInt() + " "
                + t.get("packetType").asText(), () -> values(t)));
    }

    @TestFactory
    Stream<DynamicTest> transcriptParsesWithTheKaitaiParserOfTheKsy() {
        return transcript().stream().map(t -> DynamicTest.dynamicTest("tcId " + t.get("tcId").asInt() + " "
                + t.get("packetType").asText(), () -> kaitai(t)));
    }

    private void verdict(JsonNode t) throws Exception {
        HandshakeReceiver receiver = newReceiver();
        for (JsonNode before : t.get("after")) {
            JsonNode step = byId.get(before.asInt());
            assertThat(deliver(receiver, step).accepted()).as("replaying tcId %s", before).isTrue();
        }
        HandshakeReceiver.Verdict v = deliver(receiver, t);
        if (t.get("result").asText().equals("valid")) {
            assertThat(v.dropReason()).as("verdict").isNull();
        } else {
            assertThat(v.dropReason()).as("drop reason").isEqualTo(t.get("dropReason").asText());
        }
    }

    private void values(JsonNode t) throws Exception {
        HandshakeReceiver receiver = newReceiver();
        for (JsonNode before : t.get("after")) {
            deliver(receiver, byId.get(before.asInt()));
        }
        byte[] plaintext = deliver(receiver, t).plaintext();
        byte[] packet = hex(t, "packet");
        byte[] nonce = hex(t, "nonce");
        switch (t.get("packetType").asText()) {
            case "HELLO":
                assertThat(plaintext).isEqualTo(hex(t, "boxPlaintext")).isEqualTo(new byte[64]);
                assertThat(nonce).isEqualTo(Nonce.counter(NoncePrefix.HELLO, counter(t)).bytes());
                assertThat(Arrays.copyOfRange(packet, 112, 192)).isEqualTo(hex(t, "box"));
                assertBox(t, nonce, "initiatorShortTerm", "responderLongTerm");
                break;
            case "COOKIE":
                assertThat(plaintext).isEqualTo(hex(t, "boxPlaintext"));
                assertThat(Arrays.copyOfRange(plaintext, 0, 32)).isEqualTo(hex(group, "responderShortTermPublic"));
                assertThat(Arrays.copyOfRange(plaintext, 32, 128)).isEqualTo(hex(t, "cookie"));
                assertThat(Arrays.copyOfRange(packet, 8, 24)).isEqualTo(Arrays.copyOfRange(nonce, 8, 24));
                assertThat(nonce).startsWith(NoncePrefix.COOKIE.bytes());
                assertBox(t, nonce, "responderLongTerm", "initiatorShortTerm");
                cookie(t);
                break;
            case "INITIATE":
                assertThat(plaintext).isEqualTo(hex(t, "boxPlaintext"));
                assertThat(nonce).isEqualTo(Nonce.counter(NoncePrefix.INITIATE, counter(t)).bytes());
                assertThat(Arrays.copyOfRange(packet, 40, 136)).isEqualTo(hex(byId.get(2), "cookie"));
                assertThat(Arrays.copyOfRange(plaintext, 0, 32)).isEqualTo(hex(group, "initiatorLongTermPublic"));
                assertThat(Arrays.copyOfRange(plaintext, 48, 96)).isEqualTo(hex(t, "vouch"));
                assertThat(Arrays.copyOfRange(plaintext, 96, plaintext.length)).isEqualTo(hex(t, "messagePlaintext"));
                assertBox(t, nonce, "initiatorShortTerm", "responderShortTerm");
                vouch(t, plaintext);
                channelId(t);
                break;
            case "MESSAGE":
                assertThat(plaintext).isEqualTo(hex(t, "messagePlaintext"));
                boolean fromResponder = t.get("receiver").asText().equals("initiator");
                assertThat(nonce).isEqualTo(Nonce.counter(fromResponder ? NoncePrefix.MESSAGE_FROM_RESPONDER
                        : NoncePrefix.MESSAGE_FROM_INITIATOR, counter(t)).bytes());
                assertBox(t, nonce, fromResponder ? "responderShortTerm" : "initiatorShortTerm",
                        fromResponder ? "initiatorShortTerm" : "responderShortTerm");
                break;
            default:
                throw new AssertionError(t.get("packetType"));
        }
        assertThat(t.get("packetNumber") == null || t.get("packetNumber").asText().equals(t.get("nonceCounter").asText()))
                .as("packet number is the nonce counter").isTrue();
    }

    /** boxKey = beforenm from both sides and from libsodium; libsodium opens the box. */
    private void assertBox(JsonNode t, byte[] nonce, String sender, String recipient) {
        byte[] key = hex(t, "boxKey");
        byte[] senderSk = hex(group, sender + "Private");
        byte[] senderPk = hex(group, sender + "Public");
        byte[] recipientSk = hex(group, recipient + "Private");
        byte[] recipientPk = hex(group, recipient + "Public");
        assertThat(crypto.beforenm(PublicKey.of(recipientPk), SecretKey.of(senderSk)).orElseThrow().bytes()).isEqualTo(key);
        assertThat(crypto.beforenm(PublicKey.of(senderPk), SecretKey.of(recipientSk)).orElseThrow().bytes()).isEqualTo(key);
        byte[] sodiumKey = new byte[32];
        assertThat(sodium.crypto_box_beforenm(sodiumKey, senderPk, recipientSk)).isZero();
        assertThat(sodiumKey).isEqualTo(key);
        byte[] box = hex(t, "box");
        byte[] opened = new byte[box.length - 16];
        assertThat(sodium.crypto_box_open_easy(opened, box, box.length, nonce, senderPk, recipientSk)).isZero();
        assertThat(opened).isEqualTo(t.has("boxPlaintext") ? hex(t, "boxPlaintext") : hex(t, "messagePlaintext"));
        byte[] packet = hex(t, "packet");
        assertThat(Arrays.copyOfRange(packet, packet.length - box.length, packet.length)).isEqualTo(box);
    }

    private void cookie(JsonNode t) throws Exception {
        InetSocketAddress initiator = new InetSocketAddress(InetAddress.getByName(group.get("initiatorAddress").asText()),
                group.get("initiatorPort").asInt());
        byte[] tAddr = KeyDerivation.addressBoundMinuteKey(MinuteKey.of(hex(group, "minuteKey")), initiator).bytes();
        assertThat(tAddr).isEqualTo(hex(t, "addressBoundMinuteKey"));
        byte[] input = WireBytes.concat(hex(group, "minuteKey"), hex(t, "addressBytes"),
                new byte[] {(byte) (initiator.getPort() >> 8), (byte) initiator.getPort()});
        byte[] digest = new byte[64];
        sodium.crypto_hash_sha512(digest, input, input.length);
        assertThat(Arrays.copyOf(digest, 32)).isEqualTo(tAddr);
        byte[] cookie = hex(t, "cookie");
        byte[] cookieNonce = hex(t, "cookieNonce");
        assertThat(cookieNonce).startsWith(NoncePrefix.MINUTE_KEY.bytes());
        assertThat(Arrays.copyOfRange(cookie, 0, 16)).isEqualTo(Arrays.copyOfRange(cookieNonce, 8, 24));
        byte[] plain = new byte[64];
        assertThat(sodium.crypto_secretbox_open_easy(plain, Arrays.copyOfRange(cookie, 16, 96), 80, cookieNonce, tAddr))
                .isZero();
        assertThat(plain).isEqualTo(hex(t, "cookiePlaintext"))
                .isEqualTo(WireBytes.concat(hex(group, "initiatorShortTermPublic"), hex(group, "responderShortTermPrivate")));
    }

    private void vouch(JsonNode t, byte[] initiatePlaintext) {
        byte[] vouchNonce = hex(t, "vouchNonce");
        assertThat(vouchNonce).startsWith(NoncePrefix.VOUCH.bytes());
        assertThat(Arrays.copyOfRange(initiatePlaintext, 32, 48)).isEqualTo(Arrays.copyOfRange(vouchNonce, 8, 24));
        byte[] key = new byte[32];
        sodium.crypto_box_beforenm(key, hex(group, "initiatorLongTermPublic"), hex(group, "responderLongTermPrivate"));
        assertThat(key).isEqualTo(hex(t, "vouchKey"));
        byte[] vouch = hex(t, "vouch");
        byte[] opened = new byte[32];
        assertThat(sodium.crypto_box_open_easy(opened, vouch, vouch.length, vouchNonce,
                hex(group, "initiatorLongTermPublic"), hex(group, "responderLongTermPrivate"))).isZero();
        assertThat(opened).isEqualTo(hex(t, "vouchPlaintext")).isEqualTo(hex(group, "initiatorShortTermPublic"));
    }

    private void channelId(JsonNode t) {
        byte[] key = hex(t, "boxKey");
        byte[] input = WireBytes.concat("SSS channel id".getBytes(StandardCharsets.US_ASCII), key,
                hex(group, "initiatorShortTermPublic"), hex(group, "responderShortTermPublic"));
        byte[] digest = new byte[64];
        sodium.crypto_hash_sha512(digest, input, input.length);
        assertThat(hex(t, "channelId")).isEqualTo(Arrays.copyOf(digest, 16)).isEqualTo(KeyDerivation.channelId(
                BoxKey.of(key), PublicKey.of(hex(group, "initiatorShortTermPublic")),
                PublicKey.of(hex(group, "responderShortTermPublic"))));
    }

    private void kaitai(JsonNode t) {
        byte[] packet = hex(t, "packet");
        Sss sss = new Sss(new ByteBufferKaitaiStream(packet));
        switch (t.get("packetType").asText()) {
            case "HELLO": {
                assertThat(sss.magic()).isEqualTo(Sss.Magic.HELLO);
                Sss.HelloPacket p = (Sss.HelloPacket) sss.body();
                assertThat(p.initiatorShortTermPk()).isEqualTo(hex(group, "initiatorShortTermPublic"));
                assertThat(p.antiAmplificationPadding()).isEqualTo(new byte[64]);
                assertThat(p.nonceCounter()).isEqualTo(counter(t));
                assertThat(p.box()).isEqualTo(hex(t, "box"));
                new Sss.HelloBoxPlaintext(new ByteBufferKaitaiStream(hex(t, "boxPlaintext")));
                break;
            }
            case "COOKIE": {
                assertThat(sss.magic()).isEqualTo(Sss.Magic.COOKIE);
                Sss.CookiePacket p = (Sss.CookiePacket) sss.body();
                assertThat(p.box()).isEqualTo(hex(t, "box"));
                Sss.CookieBoxPlaintext bp = new Sss.CookieBoxPlaintext(new ByteBufferKaitaiStream(hex(t, "boxPlaintext")));
                assertThat(bp.responderShortTermPk()).isEqualTo(hex(group, "responderShortTermPublic"));
                assertThat(bp.cookie().nonceRandom()).isEqualTo(Arrays.copyOfRange(hex(t, "cookieNonce"), 8, 24));
                Sss.CookiePlaintext cp = new Sss.CookiePlaintext(new ByteBufferKaitaiStream(hex(t, "cookiePlaintext")));
                assertThat(cp.initiatorShortTermPk()).isEqualTo(hex(group, "initiatorShortTermPublic"));
                assertThat(cp.responderShortTermSk()).isEqualTo(hex(group, "responderShortTermPrivate"));
                break;
            }
            case "INITIATE": {
                assertThat(sss.magic()).isEqualTo(Sss.Magic.INITIATE);
                Sss.InitiatePacket p = (Sss.InitiatePacket) sss.body();
                assertThat(p.initiatorShortTermPk()).isEqualTo(hex(group, "initiatorShortTermPublic"));
                assertThat(p.nonceCounter()).isEqualTo(counter(t));
                assertThat(p.box()).isEqualTo(hex(t, "box"));
                Sss.InitiateBoxPlaintext bp = new Sss.InitiateBoxPlaintext(new ByteBufferKaitaiStream(hex(t, "boxPlaintext")));
                assertThat(bp.initiatorLongTermPk()).isEqualTo(hex(group, "initiatorLongTermPublic"));
                assertThat(bp.vouch()).isEqualTo(hex(t, "vouch"));
                assertMessage(bp.message(), t, List.of(Sss.FrameType.SETTINGS, Sss.FrameType.STREAM));
                Sss.StreamFrame stream = (Sss.StreamFrame) bp.message().frames().get(1).body();
                assertThat(stream.isInit()).isTrue();
                assertThat(stream.lsid()).isEqualTo(1);
                assertThat(stream.parentLsid()).isZero();
                assertThat(stream.isRecordEnd()).isTrue();
                Sss.ServiceMessage request = new Sss.ServiceMessage(new ByteBufferKaitaiStream(stream.data()));
                Sss.ConnectRequest connect = (Sss.ConnectRequest) ((Sss.ServiceRequest) request.body()).body();
                assertThat(connect.service().value()).isEqualTo(HandshakeTranscript.SERVICE);
                assertThat(connect.protocol().value()).isEqualTo(HandshakeTranscript.PROTOCOL);
                break;
            }
            case "MESSAGE": {
                assertThat(sss.magic()).isEqualTo(Sss.Magic.MESSAGE);
                Sss.MessagePacket p = (Sss.MessagePacket) sss.body();
                assertThat(p.nonceCounter()).isEqualTo(counter(t));
                assertThat(p.box()).isEqualTo(hex(t, "box"));
                Sss.MessagePlaintext mp = new Sss.MessagePlaintext(new ByteBufferKaitaiStream(hex(t, "messagePlaintext")));
                boolean fromResponder = t.get("receiver").asText().equals("initiator");
                assertMessage(mp, t, fromResponder ? List.of(Sss.FrameType.SETTINGS, Sss.FrameType.ACK)
                        : List.of(Sss.FrameType.ACK, Sss.FrameType.STREAM));
                Sss.AckFrame ack = (Sss.AckFrame) mp.frames().get(fromResponder ? 1 : 0).body();
                assertThat(ack.largestObserved()).isEqualTo(fromResponder ? 2 : 1);
                assertThat(ack.numNackRanges()).isZero();
                break;
            }
            default:
                throw new AssertionError(t.get("packetType"));
        }
    }

    /** Header (version present while unacknowledged), the expected frames, then only EMPTY padding. */
    private static void assertMessage(Sss.MessagePlaintext mp, JsonNode t, List<Sss.FrameType> frames) {
        assertThat(mp.header().packetNumberLow()).isEqualTo(counter(t));
        if (mp.header().hasVersion()) {
            assertThat(mp.header().version()).isEqualTo(1);
        }
        List<Sss.FrameType> types = mp.frames().stream().map(Sss.Frame::frameType).collect(Collectors.toList());
        assertThat(types.subList(0, frames.size())).containsExactlyElementsOf(frames);
        assertThat(types.subList(frames.size(), types.size())).containsOnly(Sss.FrameType.EMPTY);
        if (frames.get(0) == Sss.FrameType.SETTINGS) {
            Sss.SettingsFrame settings = (Sss.SettingsFrame) mp.frames().get(0).body();
            List<Integer> tags = settings.settings().stream().map(Sss.Setting::tag).collect(Collectors.toList());
            assertThat(tags).isSorted().doesNotHaveDuplicates();
        }
    }

    private HandshakeReceiver newReceiver() {
        return new HandshakeReceiver(SecretKey.of(hex(group, "responderLongTermPrivate")),
                MinuteKey.of(hex(group, "minuteKey")), SecretKey.of(hex(group, "initiatorShortTermPrivate")),
                PublicKey.of(hex(group, "responderLongTermPublic")));
    }

    private static HandshakeReceiver.Verdict deliver(HandshakeReceiver receiver, JsonNode t) throws Exception {
        byte[] packet = hex(t, "packet");
        if (t.get("receiver").asText().equals("responder")) {
            InetSocketAddress source = new InetSocketAddress(InetAddress.getByName(t.get("sourceAddress").asText()),
                    t.get("sourcePort").asInt());
            return receiver.atResponder(packet, source);
        }
        return receiver.atInitiator(packet);
    }

    private static List<JsonNode> transcript() {
        return file.tests().stream().map(gt -> gt[1]).filter(t -> t.get("result").asText().equals("valid"))
                .collect(Collectors.toList());
    }

    private static long counter(JsonNode t) {
        return Long.parseUnsignedLong(t.get("nonceCounter").asText());
    }
}
