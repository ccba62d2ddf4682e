package org.sss.conformance.peer.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The seven nonce prefixes of SPEC.md section 4.3. A 16-byte prefix is followed by {@code be64} of a
 * counter (CRY-NONCE-3), an 8-byte prefix by 16 random bytes (CRY-NONCE-4); the part after the
 * prefix is the compressed nonce that travels in the packet.
 */
public enum NoncePrefix {
    /** HELLO box, i' to R. */
    HELLO("cUVVYcp-CLIENT-h"),
    /** COOKIE box, r to I'. */
    COOKIE("cUVVYcpk"),
    /** The cookie's secretbox under the address-bound minute key. */
    MINUTE_KEY("minute-k"),
    /** INITIATE box, i' to R'. */
    INITIATE("cUVVYcp-CLIENT-i"),
    /** The vouch, i to R. */
    VOUCH("cUVVYcpv"),
    /** MESSAGE from the initiator, i' to R'. */
    MESSAGE_FROM_INITIATOR("cUVVYcp-CLIENT-m"),
    /** MESSAGE from the responder, r' to I'. */
    MESSAGE_FROM_RESPONDER("cUVVYcp-SERVER-m");

    private final byte[] ascii;

    NoncePrefix(String text) {
        this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The prefix bytes (a copy). */
    public byte[] bytes() {
        return ascii.clone();
    }

    /** Whether the compressed nonce is a {@code be64} counter (16-byte prefix) rather than 16 random bytes. */
    public boolean isCounter() {
        return ascii.length == 16;
    }

    /** {@code prefix ‖ be64(counter)} (CRY-NONCE-1, CRY-NONCE-3). */
    public byte[] withCounter(long counter) {
        if (!isCounter()) {
            throw new IllegalStateException(this + " takes a 16-byte random compressed nonce, not a counter");
        }
        return ByteBuffer.allocate(Nacl.NONCE_BYTES).put(ascii).putLong(counter).array();
    }

    /** {@code prefix ‖ random16} (CRY-NONCE-1, CRY-NONCE-4). */
    public byte[] withRandom(byte[] random16) {
        Objects.requireNonNull(random16, "random16");
        if (isCounter() || random16.length != 16) {
            throw new IllegalArgumentException(this + " does not take a 16-byte random part of " + random16.length);
        }
        return ByteBuffer.allocate(Nacl.NONCE_BYTES).put(ascii).put(random16).array();
    }
}
