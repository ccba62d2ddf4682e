package org.sss.tools.capture;

import java.nio.ByteBuffer;
import java.util.Random;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;

/** Datagrams an attacker builds from scratch: well-formed HELLOs with throwaway keys, and junk. */
final class AttackPackets {
    /** SPEC.md 3.3: the sizes of HELLO, COOKIE, and the smallest INITIATE and MESSAGE. */
    static final int HELLO = 192;
    static final int COOKIE = 168;
    static final int INITIATE = 272;
    static final int MESSAGE = 80;

    private AttackPackets() {
    }

    /** A HELLO whose box opens under the responder's key {@code responderKey}: a fresh i', counter 1. */
    static byte[] hello(byte[] responderKey, Random random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] box = Nacl.box(new byte[64], NoncePrefix.HELLO.withCounter(1), responderKey, secret);
        return ByteBuffer.allocate(HELLO).put(Magic.HELLO.bytes()).put(Nacl.publicKey(secret)).put(new byte[64])
                .putLong(1).put(box).array();
    }

    /** {@code magic} followed by random bytes, {@code length} in all. */
    static byte[] withMagic(Magic magic, int length, Random random) {
        byte[] datagram = random(length, random);
        System.arraycopy(magic.bytes(), 0, datagram, 0, Math.min(8, length));
        return datagram;
    }

    /** {@code length} random bytes. */
    static byte[] random(int length, Random random) {
        byte[] datagram = new byte[length];
        random.nextBytes(datagram);
        return datagram;
    }
}
