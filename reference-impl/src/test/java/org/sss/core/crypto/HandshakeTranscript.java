package org.sss.core.crypto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One complete, deterministic SSS handshake, computed the way the sender of each packet computes
 * it: HELLO, COOKIE, INITIATE (its message starting with SETTINGS and opening stream 1 with a
 * service connect request), the responder's first MESSAGE (SETTINGS + ACK) and the initiator's
 * first MESSAGE (ACK + stream data). Every intermediate value is kept for handshake.json.
 */
final class HandshakeTranscript {
    static final int VERSION = 1;
    static final String SERVICE = "echo";
    static final String PROTOCOL = "echo";
    static final byte[] STREAM_DATA = WireBytes.ascii("hello");

    final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    final SecretBox secretBox = crypto.newSecretBox();

    // Inputs
    final KeyPair initiatorLongTerm = DeterministicBytes.keyPair("handshake initiator long-term i");
    final KeyPair responderLongTerm = DeterministicBytes.keyPair("handshake responder long-term r");
    final KeyPair initiatorShortTerm = DeterministicBytes.keyPair("handshake initiator short-term i'");
    final KeyPair responderShortTerm = DeterministicBytes.keyPair("handshake responder short-term r'");
    final byte[] minuteKeyBytes = DeterministicBytes.of("handshake minute key t", 32);
    final MinuteKey minuteKey = MinuteKey.of(minuteKeyBytes);
    final InetSocketAddress initiatorAddress = address("127.0.0.1", 40000);
    final InetSocketAddress responderAddress = address("127.0.0.1", 9660);
    final byte[] cookieBoxNonceRandom = DeterministicBytes.of("handshake COOKIE box nonce", 16);
    final byte[] cookieNonceRandom = DeterministicBytes.of("handshake cookie nonce", 16);
    final byte[] vouchNonceRandom = DeterministicBytes.of("handshake vouch nonce", 16);

    // i' counts 1 (HELLO), 2 (INITIATE), 3 (first MESSAGE); r' counts 1 (first MESSAGE).
    final long helloCounter = 1;
    final long initiateCounter = 2;
    final long initiatorMessageCounter = 3;
    final long responderMessageCounter = 1;

    // HELLO
    final BoxKey helloKey = beforenm(responderLongTerm.publicKey(), initiatorShortTerm.secretKey());
    final Nonce helloNonce = Nonce.counter(NoncePrefix.HELLO, helloCounter);
    final byte[] helloBoxPlaintext = new byte[64];
    final byte[] helloBox = secretBox.seal(helloKey, helloNonce, helloBoxPlaintext);
    final byte[] helloPacket = WireBytes.hello(initiatorShortTerm.publicKey().bytes(), helloCounter, helloBox);

    // COOKIE
    final byte[] normalizedInitiatorAddress = KeyDerivation.normalizeAddress(initiatorAddress.getAddress().getAddress());
    final BoxKey addressBoundMinuteKey = KeyDerivation.addressBoundMinuteKey(minuteKey, initiatorAddress);
    final Nonce cookieNonce = Nonce.random(NoncePrefix.MINUTE_KEY, cookieNonceRandom, 0);
    final byte[] cookiePlaintext = WireBytes.concat(initiatorShortTerm.publicKey().bytes(),
            responderShortTerm.secretKey().bytes());
    final byte[] cookieSecretbox = secretBox.seal(addressBoundMinuteKey, cookieNonce, cookiePlaintext);
    final byte[] cookie = WireBytes.responderCookie(cookieNonceRandom, cookieSecretbox);
    final BoxKey cookieBoxKey = beforenm(initiatorShortTerm.publicKey(), responderLongTerm.secretKey());
    final Nonce cookieBoxNonce = Nonce.random(NoncePrefix.COOKIE, cookieBoxNonceRandom, 0);
    final byte[] cookieBoxPlaintext = WireBytes.concat(responderShortTerm.publicKey().bytes(), cookie);
    final byte[] cookieBox = secretBox.seal(cookieBoxKey, cookieBoxNonce, cookieBoxPlaintext);
    final byte[] cookiePacket = WireBytes.cookiePacket(cookieBoxNonceRandom, cookieBox);

    // INITIATE
    final BoxKey vouchKey = beforenm(responderLongTerm.publicKey(), initiatorLongTerm.secretKey());
    final Nonce vouchNonce = Nonce.random(NoncePrefix.VOUCH, vouchNonceRandom, 0);
    final byte[] vouchPlaintext = initiatorShortTerm.publicKey().bytes();
    final byte[] vouch = secretBox.seal(vouchKey, vouchNonce, vouchPlaintext);
    final byte[] initiateMessage = WireBytes.messagePlaintext(
            WireBytes.packetHeader(true, VERSION, initiateCounter, 2),
            initiatorSettings(),
            WireBytes.streamFrame(true, true, 1, 0, 0, 0, WireBytes.connectRequest(SERVICE, PROTOCOL)));
    final byte[] initiateBoxPlaintext = WireBytes.initiateBoxPlaintext(initiatorLongTerm.publicKey().bytes(),
            vouchNonceRandom, vouch, initiateMessage);
    final BoxKey channelKey = beforenm(responderShortTerm.publicKey(), initiatorShortTerm.secretKey());
    final Nonce initiateNonce = Nonce.counter(NoncePrefix.INITIATE, initiateCounter);
    final byte[] initiateBox = secretBox.seal(channelKey, initiateNonce, initiateBoxPlaintext);
    final byte[] initiatePacket = WireBytes.initiate(initiatorShortTerm.publicKey().bytes(), cookie, initiateCounter,
            initiateBox);
    final byte[] channelId = KeyDerivation.channelId(channelKey, initiatorShortTerm.publicKey(),
            responderShortTerm.publicKey());

    // The responder's first MESSAGE: it echoes the version, sends its SETTINGS and ACKs the INITIATE.
    final BoxKey responderChannelKey = beforenm(initiatorShortTerm.publicKey(), responderShortTerm.secretKey());
    final byte[] responderMessagePlaintext = WireBytes.messagePlaintext(
            WireBytes.packetHeader(true, VERSION, responderMessageCounter, 2),
            responderSettings(),
            WireBytes.ackFrame(initiateCounter, initiateCounter, 120));
    final Nonce responderMessageNonce = Nonce.counter(NoncePrefix.MESSAGE_FROM_RESPONDER, responderMessageCounter);
    final byte[] responderMessageBox = secretBox.seal(responderChannelKey, responderMessageNonce,
            responderMessagePlaintext);
    final byte[] responderMessagePacket = WireBytes.message(responderShortTerm.publicKey().bytes(),
            responderMessageCounter, responderMessageBox);

    // The initiator's first MESSAGE: its version was ACKed, so no version field; ACK + more stream data.
    final byte[] initiatorMessagePlaintext = WireBytes.messagePlaintext(
            WireBytes.packetHeader(false, 0, initiatorMessageCounter, 2),
            WireBytes.ackFrame(responderMessageCounter, responderMessageCounter, 2500),
            WireBytes.streamFrame(false, true, 1, 0, 2, WireBytes.connectRequest(SERVICE, PROTOCOL).length,
                    STREAM_DATA));
    final Nonce initiatorMessageNonce = Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, initiatorMessageCounter);
    final byte[] initiatorMessageBox = secretBox.seal(channelKey, initiatorMessageNonce, initiatorMessagePlaintext);
    final byte[] initiatorMessagePacket = WireBytes.message(initiatorShortTerm.publicKey().bytes(),
            initiatorMessageCounter, initiatorMessageBox);

    HandshakeTranscript() {
        requireSame(helloKey, cookieBoxKey, "beforenm(R, i') != beforenm(I', r)");
        requireSame(channelKey, responderChannelKey, "beforenm(R', i') != beforenm(I', r')");
    }

    /** Initiator SETTINGS: FEC 0, INITIAL_MAX_DATA 1 MiB, INITIAL_MAX_STREAM_DATA 256 KiB, 100 streams, 120 s, 1168, 25 ms. */
    static byte[] initiatorSettings() {
        return WireBytes.settingsFrame(
                WireBytes.setting(1, 1, 0),
                WireBytes.setting(3, 8, 1L << 20),
                WireBytes.setting(4, 8, 256L << 10),
                WireBytes.setting(5, 4, 100),
                WireBytes.setting(6, 4, 120_000),
                WireBytes.setting(7, 2, 1168),
                WireBytes.setting(8, 2, 25));
    }

    /** Responder SETTINGS: CUBIC feedback wanted, 4 MiB, 1 MiB, 100 streams, 30 s, 25 ms. */
    static byte[] responderSettings() {
        return WireBytes.settingsFrame(
                WireBytes.setting(2, 2, 1),
                WireBytes.setting(3, 8, 4L << 20),
                WireBytes.setting(4, 8, 1L << 20),
                WireBytes.setting(5, 4, 100),
                WireBytes.setting(6, 4, 30_000),
                WireBytes.setting(8, 2, 25));
    }

    BoxKey beforenm(PublicKey peer, SecretKey own) {
        return crypto.beforenm(peer, own).orElseThrow(() -> new IllegalStateException("zero shared secret"));
    }

    private static void requireSame(BoxKey a, BoxKey b, String message) {
        if (!java.util.Arrays.equals(a.bytes(), b.bytes())) {
            throw new IllegalStateException(message);
        }
    }

    static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
