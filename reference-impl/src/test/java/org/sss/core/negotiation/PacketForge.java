package org.sss.core.negotiation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;

/**
 * Builds handshake packets by hand, straight from SPEC.md sections 5.2 to 5.4 and 6.1, so that the
 * tests can make packets that are wrong in exactly one way. Independent of the classes under test.
 */
final class PacketForge {
    static final byte[] MAGIC_HELLO = ascii("qVNq5xLh");
    static final byte[] MAGIC_COOKIE = ascii("rl3Anmxk");
    static final byte[] MAGIC_INITIATE = ascii("qVNq5xLi");
    static final byte[] MAGIC_MESSAGE = ascii("rl3q5xLm");

    private static final CryptoProvider CRYPTO = CryptoProvider.bouncyCastle();
    private static final SecretBox BOX = CRYPTO.newSecretBox();

    private PacketForge() {
    }

    /** NEG-HELLO-1 with counter {@code counter}. */
    static byte[] hello(KeyPair initiatorShortTerm, PublicKey responderLongTerm, long counter) {
        byte[] box = BOX.seal(beforenm(responderLongTerm, initiatorShortTerm.secretKey()),
                Nonce.counter(NoncePrefix.HELLO, counter), new byte[64]);
        return ByteBuffer.allocate(192).put(MAGIC_HELLO).put(initiatorShortTerm.publicKey().bytes())
                .put(new byte[64]).putLong(counter).put(box).array();
    }

    /** R' and the cookie from a COOKIE packet, opened as the initiator would (NEG-COOKIE-3). */
    record OpenedCookie(PublicKey responderShortTerm, byte[] cookie) {
    }

    static OpenedCookie openCookie(byte[] cookiePacket, KeyPair initiatorShortTerm, PublicKey responderLongTerm) {
        Nonce nonce = Nonce.random(NoncePrefix.COOKIE, cookiePacket, 8);
        byte[] plain = BOX.open(beforenm(responderLongTerm, initiatorShortTerm.secretKey()), nonce,
                Arrays.copyOfRange(cookiePacket, 24, 168)).orElseThrow(() -> new AssertionError("COOKIE does not open"));
        return new OpenedCookie(PublicKey.of(plain, 0), Arrays.copyOfRange(plain, 32, 128));
    }

    /** A message plaintext: header with version 1 and a 2-byte packet number, an empty SETTINGS, zero padding. */
    static byte[] settingsMessage(long packetNumber) {
        return ByteBuffer.allocate(16)
                .put((byte) 0x01) // flags: version present, 2-byte packet number
                .putShort((short) 1) // version 1
                .putShort((short) packetNumber) // low 16 bits of the packet number
                .put((byte) 0x08).putShort((short) 0) // SETTINGS with no entries
                .array(); // 8 zero bytes of padding (EMPTY frames)
    }

    /** An INITIATE under construction; every field starts valid and a test changes one. */
    static final class Initiate {
        KeyPair initiatorShortTerm;
        KeyPair initiatorLongTerm;
        PublicKey responderLongTerm;
        PublicKey responderShortTerm;
        byte[] cookie;
        long counter = 2;
        byte[] vouchNonce = new byte[16];
        PublicKey packetShortTerm;
        PublicKey vouchedKey;
        SecretKey vouchSigner;
        PublicKey claimedIdentity;
        byte[] message;

        Initiate(KeyPair initiatorShortTerm, KeyPair initiatorLongTerm, PublicKey responderLongTerm,
                OpenedCookie opened) {
            this.initiatorShortTerm = initiatorShortTerm;
            this.initiatorLongTerm = initiatorLongTerm;
            this.responderLongTerm = responderLongTerm;
            this.responderShortTerm = opened.responderShortTerm();
            this.cookie = opened.cookie().clone();
        }

        /** NEG-INITIATE-1 and NEG-INITIATE-2. */
        byte[] build() {
            PublicKey shortTermInPacket = packetShortTerm != null ? packetShortTerm : initiatorShortTerm.publicKey();
            PublicKey vouched = vouchedKey != null ? vouchedKey : initiatorShortTerm.publicKey();
            SecretKey signer = vouchSigner != null ? vouchSigner : initiatorLongTerm.secretKey();
            PublicKey identity = claimedIdentity != null ? claimedIdentity : initiatorLongTerm.publicKey();
            byte[] msg = message != null ? message : settingsMessage(counter);
            byte[] vouch = BOX.seal(beforenm(responderLongTerm, signer), Nonce.random(NoncePrefix.VOUCH, vouchNonce, 0),
                    vouched.bytes());
            byte[] plaintext = ByteBuffer.allocate(96 + msg.length).put(identity.bytes()).put(vouchNonce).put(vouch)
                    .put(msg).array();
            byte[] box = BOX.seal(beforenm(responderShortTerm, initiatorShortTerm.secretKey()),
                    Nonce.counter(NoncePrefix.INITIATE, counter), plaintext);
            return ByteBuffer.allocate(144 + box.length).put(MAGIC_INITIATE).put(shortTermInPacket.bytes()).put(cookie)
                    .putLong(counter).put(box).array();
        }
    }

    /** CHN-SEND-1 for a MESSAGE from the responder: {@code box(plaintext, prefix || be64(c), I', r')}. */
    static byte[] message(KeyPair senderShortTerm, PublicKey receiverShortTerm, NoncePrefix prefix, long counter,
            byte[] plaintext) {
        byte[] box = BOX.seal(beforenm(receiverShortTerm, senderShortTerm.secretKey()), Nonce.counter(prefix, counter),
                plaintext);
        return ByteBuffer.allocate(48 + box.length).put(MAGIC_MESSAGE).put(senderShortTerm.publicKey().bytes())
                .putLong(counter).put(box).array();
    }

    /** A copy of {@code packet} with bit 0 of byte {@code index} flipped. */
    static byte[] flip(byte[] packet, int index) {
        byte[] copy = packet.clone();
        copy[index] ^= 1;
        return copy;
    }

    static BoxKey beforenm(PublicKey peer, SecretKey own) {
        return CRYPTO.beforenm(peer, own).orElseThrow(() -> new AssertionError("small-order key"));
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
