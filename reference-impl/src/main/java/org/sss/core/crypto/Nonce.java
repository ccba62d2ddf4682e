package org.sss.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.util.Pack;

/**
 * A 24-byte XSalsa20 nonce built from a {@link NoncePrefix} and its compressed part: a u64
 * big-endian counter after a 16-byte prefix, or 16 random bytes after an 8-byte prefix. Immutable.
 * {@link #of(byte[])} also accepts any 24 bytes, for NaCl test vectors and other uses outside SSS.
 */
public final class Nonce {
    /** Length of a full nonce in bytes. */
    public static final int LENGTH = 24;

    private final NoncePrefix prefix;
    private final byte[] bytes;

    private Nonce(NoncePrefix prefix, byte[] bytes) {
        this.prefix = prefix;
        this.bytes = bytes;
    }

    /** {@code prefix || u64be(counter)}; {@code counter} is unsigned. */
    public static Nonce counter(NoncePrefix prefix, long counter) {
        requireKind(prefix, NoncePrefix.Kind.COUNTER);
        byte[] n = new byte[LENGTH];
        prefix.writeTo(n, 0);
        Pack.longToBigEndian(counter, n, 16);
        return new Nonce(prefix, n);
    }

    /** {@code prefix || random16}, the 16 bytes taken from {@code random} at {@code offset}. */
    public static Nonce random(NoncePrefix prefix, byte[] random, int offset) {
        requireKind(prefix, NoncePrefix.Kind.RANDOM);
        Objects.checkFromIndexSize(offset, 16, random.length);
        byte[] n = new byte[LENGTH];
        prefix.writeTo(n, 0);
        System.arraycopy(random, offset, n, 8, 16);
        return new Nonce(prefix, n);
    }

    /** {@code prefix || 16 fresh bytes from rng}. */
    public static Nonce random(NoncePrefix prefix, SecureRandom rng) {
        requireKind(prefix, NoncePrefix.Kind.RANDOM);
        Objects.requireNonNull(rng, "rng");
        byte[] n = new byte[LENGTH];
        prefix.writeTo(n, 0);
        byte[] r = new byte[16];
        rng.nextBytes(r);
        System.arraycopy(r, 0, n, 8, 16);
        return new Nonce(prefix, n);
    }

    /**
     * Any 24 bytes (copied). The prefix is recognised when the bytes start with one of SSS's;
     * otherwise {@link #prefix()} is empty.
     */
    public static Nonce of(byte[] nonce) {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != LENGTH) {
            throw new IllegalArgumentException("nonce: expected " + LENGTH + " bytes, got " + nonce.length);
        }
        NoncePrefix found = null;
        for (NoncePrefix p : NoncePrefix.values()) {
            if (Arrays.equals(p.bytes(), 0, p.length(), nonce, 0, p.length())) {
                found = p;
            }
        }
        return new Nonce(found, nonce.clone());
    }

    /** The nonce whose compressed part (8 or 16 bytes, as the prefix says) is read from a packet. */
    public static Nonce fromCompressed(NoncePrefix prefix, byte[] src, int offset) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.checkFromIndexSize(offset, prefix.compressedLength(), src.length);
        byte[] n = new byte[LENGTH];
        prefix.writeTo(n, 0);
        System.arraycopy(src, offset, n, prefix.length(), prefix.compressedLength());
        return new Nonce(prefix, n);
    }

    private static void requireKind(NoncePrefix prefix, NoncePrefix.Kind kind) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.kind() != kind) {
            throw new IllegalArgumentException("prefix: " + prefix + " is a " + prefix.kind() + " prefix, not " + kind);
        }
    }

    /** The SSS prefix; empty only for a nonce from {@link #of(byte[])} that has none. */
    public Optional<NoncePrefix> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** The unsigned counter of a counter nonce. */
    public long counter() {
        if (prefix == null || prefix.kind() != NoncePrefix.Kind.COUNTER) {
            throw new IllegalStateException("not a counter nonce: " + this);
        }
        return Pack.bigEndianToLong(bytes, 16);
    }

    /** A copy of all 24 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A copy of the part sent on the wire (8 or 16 bytes). */
    public byte[] compressed() {
        return Arrays.copyOfRange(bytes, requirePrefix().length(), LENGTH);
    }

    /** Writes the compressed part into {@code dst} at {@code offset}. */
    public void writeCompressed(byte[] dst, int offset) {
        NoncePrefix p = requirePrefix();
        System.arraycopy(bytes, p.length(), dst, offset, p.compressedLength());
    }

    private NoncePrefix requirePrefix() {
        if (prefix == null) {
            throw new IllegalStateException("nonce has no SSS prefix, so no compressed form: " + this);
        }
        return prefix;
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nonce && Arrays.equals(bytes, ((Nonce) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lowercase hex of the 24 bytes. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
