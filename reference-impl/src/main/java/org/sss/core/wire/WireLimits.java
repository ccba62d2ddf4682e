package org.sss.core.wire;

/**
 * Size limits of the version 1 wire format.
 */
public final class WireLimits {
    /** SPEC: never more than 1232 bytes of UDP payload. */
    public static final int MAX_DATAGRAM = 1232;
    /** HELLO is exactly 192 bytes, so that the COOKIE answer is always smaller. */
    public static final int HELLO_LENGTH = 192;
    /** COOKIE is exactly 168 bytes. */
    public static final int COOKIE_LENGTH = 168;
    /** INITIATE = 256 + M bytes. */
    public static final int INITIATE_OVERHEAD = 256;
    /** MESSAGE = 64 + M bytes. */
    public static final int MESSAGE_OVERHEAD = 64;
    /** Every message plaintext length M is a multiple of this. */
    public static final int PLAINTEXT_BLOCK = 16;
    /** The smallest message plaintext. */
    public static final int MIN_PLAINTEXT = 16;
    /** The largest message plaintext in a MESSAGE (64 + 1168 = 1232). */
    public static final int MAX_PLAINTEXT = 1168;
    /** The largest message plaintext inside an INITIATE (256 + 976 = 1232). */
    public static final int MAX_INITIATE_PLAINTEXT = 976;
    /** The shortest packet header: flags and a 2-byte packet number. */
    public static final int MIN_HEADER_LENGTH = 3;
    /** Largest STREAM offset plus length: 2^62 - 1. */
    public static final long MAX_STREAM_OFFSET = (1L << 62) - 1;
    /**
     * The most data one STREAM frame can carry: the largest plaintext less the shortest header
     * and the shortest STREAM frame header (type, flags, LSID).
     */
    public static final int MAX_STREAM_FRAME_DATA = MAX_PLAINTEXT - MIN_HEADER_LENGTH - 7;
    /** The current (and only) protocol version. */
    public static final int VERSION_1 = 1;
    /** Service request and reply records are at most this long. */
    public static final int MAX_SERVICE_RECORD = 1024;
    /** Largest value of a u16 length field. */
    public static final int MAX_U16 = 0xFFFF;

    private WireLimits() {
    }
}
