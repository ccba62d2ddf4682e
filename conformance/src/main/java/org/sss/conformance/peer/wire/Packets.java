package org.sss.conformance.peer.wire;

/**
 * The datagram layouts of SPEC.md sections 3, 5 and 6: magic (PKT-MAGIC-1) followed by the body. The
 * boxes are passed in already sealed; nothing is validated, so wrong sizes go out as given.
 */
public final class Packets {
    /** PKT-SIZE-1. */
    public static final int HELLO_SIZE = 192;
    /** PKT-SIZE-2. */
    public static final int COOKIE_SIZE = 168;
    /** INITIATE without its message: 256 + M (PKT-SIZE-3). */
    public static final int INITIATE_OVERHEAD = 256;
    /** MESSAGE without its plaintext: 64 + M (PKT-SIZE-4). */
    public static final int MESSAGE_OVERHEAD = 64;
    /** Largest UDP payload (PKT-SIZE-7). */
    public static final int MAX_DATAGRAM = 1232;
    /** Largest MESSAGE plaintext (PKT-SIZE-4). */
    public static final int MAX_MESSAGE_PLAINTEXT = 1168;
    /** Largest INITIATE message (PKT-SIZE-3). */
    public static final int MAX_INITIATE_PLAINTEXT = 976;

    private Packets() {
    }

    /** HELLO (NEG-HELLO-1): magic, I', 64 zero bytes, be64(counter), box. */
    public static byte[] hello(byte[] initiatorShortTermPublic, long counter, byte[] box) {
        return new ByteWriter().bytes(Magic.HELLO.bytes()).bytes(initiatorShortTermPublic).zeros(64).u64(counter).bytes(box)
                .toByteArray();
    }

    /** COOKIE (NEG-COOKIE-1): magic, 16 random nonce bytes, box. */
    public static byte[] cookie(byte[] nonceRandom, byte[] box) {
        return new ByteWriter().bytes(Magic.COOKIE.bytes()).bytes(nonceRandom).bytes(box).toByteArray();
    }

    /** INITIATE (NEG-INITIATE-1): magic, I', the 96-byte cookie, be64(counter), box. */
    public static byte[] initiate(byte[] initiatorShortTermPublic, byte[] cookie, long counter, byte[] box) {
        return new ByteWriter().bytes(Magic.INITIATE.bytes()).bytes(initiatorShortTermPublic).bytes(cookie).u64(counter)
                .bytes(box).toByteArray();
    }

    /** MESSAGE (CHN-SEND-1): magic, the sender's short-term key, be64(counter), box. */
    public static byte[] message(byte[] senderShortTermPublic, long counter, byte[] box) {
        return new ByteWriter().bytes(Magic.MESSAGE.bytes()).bytes(senderShortTermPublic).u64(counter).bytes(box)
                .toByteArray();
    }
}
