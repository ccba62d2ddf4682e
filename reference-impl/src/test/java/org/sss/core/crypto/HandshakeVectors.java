package org.sss.core.crypto;

import static org.sss.core.crypto.VectorMaps.INVALID;
import static org.sss.core.crypto.VectorMaps.VALID;
import static org.sss.core.crypto.VectorMaps.flip;
import static org.sss.core.crypto.VectorMaps.hex;
import static org.sss.core.crypto.VectorMaps.obj;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds handshake.json: the {@link HandshakeTranscript} packet by packet with every intermediate
 * value, then packets derived from it that the receiver must drop, each with its drop reason.
 */
final class HandshakeVectors {
    private static final String RESPONDER = "responder";
    private static final String INITIATOR = "initiator";

    private final HandshakeTranscript h = new HandshakeTranscript();
    private final SecretBox secretBox = h.secretBox;
    private final VectorMaps.FileBuilder file = new VectorMaps.FileBuilder("handshake",
            "SPEC.md section 5 (Negotiation) and section 6 (Channel)",
            obj(
                    "ZeroSharedSecret", "The packet's public key is a small-order point; X25519 gives zero and the box cannot be opened.",
                    "ModifiedTag", "A bit of a Poly1305 tag is flipped.",
                    "ModifiedCookie", "A bit of the cookie's secretbox is flipped.",
                    "AddressChanged", "The packet arrives from another address or port than the HELLO the cookie answered.",
                    "WrongNoncePrefix", "The box was sealed with the other direction's nonce prefix.",
                    "Replay", "An exact copy of a packet the receiver has already accepted.",
                    "Length", "The datagram length breaks the size rule of its packet kind."));
    private VectorMaps.FileBuilder.Group g;

    static Map<String, Object> build() {
        HandshakeVectors v = new HandshakeVectors();
        v.transcript();
        v.invalid();
        return v.file.build();
    }

    private void transcript() {
        g = file.group("handshake",
                "initiatorLongTermPrivate", hex(h.initiatorLongTerm.secretKey().bytes()),
                "initiatorLongTermPublic", hex(h.initiatorLongTerm.publicKey().bytes()),
                "responderLongTermPrivate", hex(h.responderLongTerm.secretKey().bytes()),
                "responderLongTermPublic", hex(h.responderLongTerm.publicKey().bytes()),
                "initiatorShortTermPrivate", hex(h.initiatorShortTerm.secretKey().bytes()),
                "initiatorShortTermPublic", hex(h.initiatorShortTerm.publicKey().bytes()),
                "responderShortTermPrivate", hex(h.responderShortTerm.secretKey().bytes()),
                "responderShortTermPublic", hex(h.responderShortTerm.publicKey().bytes()),
                "minuteKey", hex(h.minuteKeyBytes),
                "initiatorAddress", h.initiatorAddress.getAddress().getHostAddress(),
                "initiatorPort", h.initiatorAddress.getPort(),
                "responderAddress", h.responderAddress.getAddress().getHostAddress(),
                "responderPort", h.responderAddress.getPort(),
                "protocolVersion", HandshakeTranscript.VERSION);
        g.test("HELLO: box(64 zero bytes) from i' to R under cUVVYcp-CLIENT-h and i''s counter 1", List.of(),
                "packetType", "HELLO", "receiver", RESPONDER, "after", List.of(),
                "sourceAddress", initiatorHost(), "sourcePort", h.initiatorAddress.getPort(),
                "nonceCounter", "" + h.helloCounter, "nonce", hex(h.helloNonce.bytes()),
                "boxKey", hex(h.helloKey.bytes()), "boxPlaintext", hex(h.helloBoxPlaintext), "box", hex(h.helloBox),
                "packet", hex(h.helloPacket), "result", VALID);
        g.test("COOKIE: box(R' || cookie) from r to I'; cookie = random16 || secretbox(I' || r') under t_addr of"
                + " the HELLO's source", List.of(),
                "packetType", "COOKIE", "receiver", INITIATOR, "after", List.of(1),
                "sourceAddress", responderHost(), "sourcePort", h.responderAddress.getPort(),
                "addressBytes", hex(h.normalizedInitiatorAddress),
                "addressBoundMinuteKey", hex(h.addressBoundMinuteKey.bytes()),
                "cookieNonce", hex(h.cookieNonce.bytes()), "cookiePlaintext", hex(h.cookiePlaintext),
                "cookie", hex(h.cookie),
                "nonce", hex(h.cookieBoxNonce.bytes()), "boxKey", hex(h.cookieBoxKey.bytes()),
                "boxPlaintext", hex(h.cookieBoxPlaintext), "box", hex(h.cookieBox),
                "packet", hex(h.cookiePacket), "result", VALID);
        g.test("INITIATE: box(I || vouch nonce || vouch || message) from i' to R' under cUVVYcp-CLIENT-i and counter 2;"
                + " the message is packet 2: header with version 1, SETTINGS, STREAM opening LSID 1 (parent 0) with"
                + " a connect request for service \"echo\", protocol \"echo\", zero padding", List.of(),
                "packetType", "INITIATE", "receiver", RESPONDER, "after", List.of(1, 2),
                "sourceAddress", initiatorHost(), "sourcePort", h.initiatorAddress.getPort(),
                "vouchNonce", hex(h.vouchNonce.bytes()), "vouchKey", hex(h.vouchKey.bytes()),
                "vouchPlaintext", hex(h.vouchPlaintext), "vouch", hex(h.vouch),
                "packetNumber", "" + h.initiateCounter, "messagePlaintext", hex(h.initiateMessage),
                "boxPlaintext", hex(h.initiateBoxPlaintext),
                "nonceCounter", "" + h.initiateCounter, "nonce", hex(h.initiateNonce.bytes()),
                "boxKey", hex(h.channelKey.bytes()), "box", hex(h.initiateBox),
                "channelId", hex(h.channelId),
                "packet", hex(h.initiatePacket), "result", VALID);
        g.test("the responder's first MESSAGE: box from r' to I' under cUVVYcp-SERVER-m and r''s counter 1;"
                + " packet 1: header with version 1, SETTINGS, ACK of packet 2, zero padding", List.of(),
                "packetType", "MESSAGE", "receiver", INITIATOR, "after", List.of(1, 2, 3),
                "sourceAddress", responderHost(), "sourcePort", h.responderAddress.getPort(),
                "packetNumber", "" + h.responderMessageCounter, "messagePlaintext", hex(h.responderMessagePlaintext),
                "nonceCounter", "" + h.responderMessageCounter, "nonce", hex(h.responderMessageNonce.bytes()),
                "boxKey", hex(h.responderChannelKey.bytes()), "box", hex(h.responderMessageBox),
                "packet", hex(h.responderMessagePacket), "result", VALID);
        g.test("the initiator's first MESSAGE: box from i' to R' under cUVVYcp-CLIENT-m and counter 3; packet 3:"
                + " header without version (packet 2 was ACKed), ACK of packet 1, STREAM LSID 1 offset 14 \"hello\","
                + " zero padding", List.of(),
                "packetType", "MESSAGE", "receiver", RESPONDER, "after", List.of(1, 2, 3, 4),
                "sourceAddress", initiatorHost(), "sourcePort", h.initiatorAddress.getPort(),
                "packetNumber", "" + h.initiatorMessageCounter, "messagePlaintext", hex(h.initiatorMessagePlaintext),
                "nonceCounter", "" + h.initiatorMessageCounter, "nonce", hex(h.initiatorMessageNonce.bytes()),
                "boxKey", hex(h.channelKey.bytes()), "box", hex(h.initiatorMessageBox),
                "packet", hex(h.initiatorMessagePacket), "result", VALID);
    }

    private void invalid() {
        byte[] hello = h.helloPacket;
        drop("HELLO with a bit of the box tag flipped", "ModifiedTag", "HELLO", RESPONDER, List.of(), true,
                flip(hello, 112), "BOX_OPEN_FAILED");
        drop("HELLO one byte short (191)", "Length", "HELLO", RESPONDER, List.of(), true,
                Arrays.copyOf(hello, 191), "BAD_PACKET_LENGTH");
        drop("HELLO one byte long (193)", "Length", "HELLO", RESPONDER, List.of(), true,
                Arrays.copyOf(hello, 193), "BAD_PACKET_LENGTH");
        byte[] zeroKey = hello.clone();
        Arrays.fill(zeroKey, 8, 40, (byte) 0);
        drop("HELLO whose I' is the all-zero (small-order) key", "ZeroSharedSecret", "HELLO", RESPONDER, List.of(), true,
                zeroKey, "BOX_OPEN_FAILED");

        drop("COOKIE with a bit of the box tag flipped", "ModifiedTag", "COOKIE", INITIATOR, List.of(1), false,
                flip(h.cookiePacket, 24), "BOX_OPEN_FAILED");
        drop("COOKIE one byte short (167)", "Length", "COOKIE", INITIATOR, List.of(1), false,
                Arrays.copyOf(h.cookiePacket, 167), "BAD_PACKET_LENGTH");

        byte[] initiate = h.initiatePacket;
        g.test("INITIATE from port 40001 instead of 40000: t_addr differs, so the cookie does not open",
                List.of("AddressChanged"), "packetType", "INITIATE", "receiver", RESPONDER, "after", List.of(1, 2),
                "sourceAddress", initiatorHost(), "sourcePort", h.initiatorAddress.getPort() + 1,
                "packet", hex(initiate), "result", INVALID, "dropReason", "COOKIE_INVALID");
        drop("INITIATE with a bit of the cookie's secretbox flipped", "ModifiedCookie", "INITIATE", RESPONDER,
                List.of(1, 2), true, flip(initiate, 8 + 32 + 16 + 20), "COOKIE_INVALID");
        byte[] otherKey = initiate.clone();
        DeterministicBytes.keyPair("handshake other short-term").publicKey().writeTo(otherKey, 8);
        drop("INITIATE whose I' field differs from the I' inside its (valid) cookie", null, "INITIATE", RESPONDER,
                List.of(1, 2), true, otherKey, "COOKIE_MISMATCH");
        drop("INITIATE with a bit of the box tag flipped", "ModifiedTag", "INITIATE", RESPONDER, List.of(1, 2), true,
                flip(initiate, 144), "BOX_OPEN_FAILED");
        KeyPair other = DeterministicBytes.keyPair("handshake other short-term");
        drop("INITIATE whose vouch (correctly boxed from i to R) vouches for another short-term key", null, "INITIATE",
                RESPONDER, List.of(1, 2), true,
                initiateWith(vouchFor(h.initiatorLongTerm.secretKey(), other.publicKey().bytes()), h.initiateMessage),
                "VOUCH_INVALID");
        KeyPair impostor = DeterministicBytes.keyPair("handshake impostor long-term");
        drop("INITIATE naming I but vouched by another long-term key", null, "INITIATE", RESPONDER, List.of(1, 2), true,
                initiateWith(vouchFor(impostor.secretKey(), h.initiatorShortTerm.publicKey().bytes()), h.initiateMessage),
                "VOUCH_INVALID");
        drop("INITIATE whose message is 17 bytes, not a multiple of 16", "Length", "INITIATE", RESPONDER, List.of(1, 2),
                true, initiateWith(h.vouch, Arrays.copyOf(h.initiateMessage, 17)), "BAD_PACKET_LENGTH");
        drop("INITIATE whose message is 992 bytes: 1248 bytes in all, over the 1232-byte limit", "Length", "INITIATE",
                RESPONDER, List.of(1, 2), true, initiateWith(h.vouch, Arrays.copyOf(h.initiateMessage, 992)),
                "BAD_PACKET_LENGTH");
        drop("the INITIATE again after it was accepted: its channel exists, packet 2 was seen", "Replay", "INITIATE",
                RESPONDER, List.of(1, 2, 3), true, initiate, "PACKET_REPLAYED");

        drop("the responder's MESSAGE with a bit of the box tag flipped", "ModifiedTag", "MESSAGE", INITIATOR,
                List.of(1, 2, 3), false, flip(h.responderMessagePacket, 48), "BOX_OPEN_FAILED");
        byte[] wrongPrefix = WireBytes.message(h.responderShortTerm.publicKey().bytes(), h.responderMessageCounter,
                secretBox.seal(h.responderChannelKey,
                        Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, h.responderMessageCounter),
                        h.responderMessagePlaintext));
        drop("the responder's MESSAGE sealed under cUVVYcp-CLIENT-m instead of cUVVYcp-SERVER-m", "WrongNoncePrefix",
                "MESSAGE", INITIATOR, List.of(1, 2, 3), false, wrongPrefix, "BOX_OPEN_FAILED");

        byte[] mismatch = h.initiatorMessagePlaintext.clone();
        mismatch[2] = 4; // packet number field (u16 at offset 1) says 4; the nonce counter is 3
        drop("the initiator's MESSAGE whose header packet number (4) is not its nonce counter (3)", null, "MESSAGE",
                RESPONDER, List.of(1, 2, 3, 4), true, initiatorMessage(h.initiatorMessageCounter, mismatch),
                "PACKET_NUMBER_MISMATCH");
        drop("the initiator's MESSAGE again after it was accepted", "Replay", "MESSAGE", RESPONDER,
                List.of(1, 2, 3, 4, 5), true, h.initiatorMessagePacket, "PACKET_REPLAYED");
        KeyPair stranger = DeterministicBytes.keyPair("handshake stranger short-term");
        BoxKey strangerKey = h.beforenm(h.responderShortTerm.publicKey(), stranger.secretKey());
        byte[] strangerPacket = WireBytes.message(stranger.publicKey().bytes(), 1,
                secretBox.seal(strangerKey, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 1),
                        WireBytes.messagePlaintext(WireBytes.packetHeader(false, 0, 1, 2))));
        drop("a MESSAGE correctly boxed to R' from a short-term key that has no channel", null, "MESSAGE", RESPONDER,
                List.of(1, 2, 3, 4), true, strangerPacket, "UNKNOWN_CHANNEL");
        drop("the initiator's MESSAGE one byte short: (length - 64) is not a multiple of 16", "Length", "MESSAGE",
                RESPONDER, List.of(1, 2, 3, 4), true,
                Arrays.copyOf(h.initiatorMessagePacket, h.initiatorMessagePacket.length - 1), "BAD_PACKET_LENGTH");
    }

    private void drop(String comment, String flag, String type, String receiver, List<Integer> after,
            boolean fromInitiator, byte[] packet, String dropReason) {
        g.test(comment, flag == null ? List.of() : List.of(flag), "packetType", type, "receiver", receiver,
                "after", after,
                "sourceAddress", fromInitiator ? initiatorHost() : responderHost(),
                "sourcePort", fromInitiator ? h.initiatorAddress.getPort() : h.responderAddress.getPort(),
                "packet", hex(packet), "result", INVALID, "dropReason", dropReason);
    }

    private byte[] vouchFor(SecretKey longTermSecret, byte[] shortTermPublic) {
        BoxKey key = h.beforenm(h.responderLongTerm.publicKey(), longTermSecret);
        return secretBox.seal(key, h.vouchNonce, shortTermPublic);
    }

    /** The transcript's INITIATE rebuilt around another vouch or message (same cookie, counter 2). */
    private byte[] initiateWith(byte[] vouch, byte[] message) {
        byte[] plaintext = WireBytes.initiateBoxPlaintext(h.initiatorLongTerm.publicKey().bytes(), h.vouchNonceRandom,
                vouch, message);
        return WireBytes.initiate(h.initiatorShortTerm.publicKey().bytes(), h.cookie, h.initiateCounter,
                secretBox.seal(h.channelKey, h.initiateNonce, plaintext));
    }

    private byte[] initiatorMessage(long counter, byte[] plaintext) {
        return WireBytes.message(h.initiatorShortTerm.publicKey().bytes(), counter,
                secretBox.seal(h.channelKey, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, counter), plaintext));
    }

    private String initiatorHost() {
        return h.initiatorAddress.getAddress().getHostAddress();
    }

    private String responderHost() {
        return h.responderAddress.getAddress().getHostAddress();
    }
}
