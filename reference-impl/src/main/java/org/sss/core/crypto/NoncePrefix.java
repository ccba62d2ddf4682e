package org.sss.core.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The seven nonce prefixes of SSS. Every nonce is 24 bytes: a fixed ASCII prefix, then a
 * "compressed nonce" that travels in the packet. A 16-byte prefix is followed by a u64 big-endian
 * counter; an 8-byte prefix by 16 random bytes. Distinct prefixes keep the boxes made under one key
 * (HELLO and COOKIE share {@code beforenm(I', r)}; both MESSAGE directions share
 * {@code beforenm(I', r')}) from ever using the same nonce.
 */
public enum NoncePrefix {
    /** HELLO box, {@code i'} to {@code R}: counter. */
    HELLO("cUVVYcp-CLIENT-h"),
    /** COOKIE box, {@code r} to {@code I'}: random. */
    COOKIE("cUVVYcpk"),
    /** The cookie's secretbox under the address-bound minute key: random. */
    MINUTE_KEY("minute-k"),
    /** INITIATE box, {@code i'} to {@code R'}: counter. */
    INITIATE("cUVVYcp-CLIENT-i"),
    /** The vouch inside INITIATE, {@code i} to {@code R}: random. */
    VOUCH("cUVVYcpv"),
    /** MESSAGE from the initiator, {@code i'} to {@code R'}: counter. */
    MESSAGE_FROM_INITIATOR("cUVVYcp-CLIENT-m"),
    /** MESSAGE from the responder, {@code r'} to {@code I'}: counter. */
    MESSAGE_FROM_RESPONDER("cUVVYcp-SERVER-m");

    /** How the part after the prefix is made. */
    public enum Kind {
        /** 16-byte prefix, 8-byte big-endian counter. */
        COUNTER,
        /** 8-byte prefix, 16 random bytes. */
        RANDOM
    }

    private final String ascii;
    private final byte[] bytes;

    NoncePrefix(String ascii) {
        this.ascii = ascii;
        this.bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** The prefix as ASCII text. */
    public String ascii() {
        return ascii;
    }

    /** A copy of the prefix bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Length of the prefix: 16 or 8. */
    public int length() {
        return bytes.length;
    }

    /** Length of the part sent on the wire: 8 for a counter, 16 for random bytes. */
    public int compressedLength() {
        return Nonce.LENGTH - bytes.length;
    }

    /** Counter or random. */
    public Kind kind() {
        return bytes.length == 16 ? Kind.COUNTER : Kind.RANDOM;
    }

    void writeTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }
}
