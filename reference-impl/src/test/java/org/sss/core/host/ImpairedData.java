package org.sss.core.host;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded byte sequence of a given length, produced in chunks, with the SHA-256 of what has been
 * produced: the sending side of an end-to-end transfer check. Not thread-safe; one writer uses it.
 */
final class ImpairedData {
    private final SplittableRandom random;
    private final long length;
    private final MessageDigest digest = sha256();
    private long produced;

    /**
     * @param seed the content's seed
     * @param length how many bytes in all; {@link Long#MAX_VALUE} for an endless sequence
     */
    ImpairedData(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.length = length;
    }

    /** The next chunk of at most {@code max} bytes, empty at the end. */
    byte[] next(int max) {
        int size = (int) Math.min(max, length - produced);
        byte[] chunk = new byte[size];
        for (int i = 0; i < size; i += 8) {
            long bits = random.nextLong();
            for (int j = i; j < Math.min(size, i + 8); j++, bits >>>= 8) {
                chunk[j] = (byte) bits;
            }
        }
        digest.update(chunk);
        produced += size;
        return chunk;
    }

    /** Bytes produced so far. */
    long produced() {
        return produced;
    }

    /** Whether every byte has been produced. */
    boolean done() {
        return produced >= length;
    }

    /** The SHA-256 of every byte produced so far; call once, at the end. */
    byte[] sha256Digest() {
        return digest.digest();
    }

    /** The 40-byte summary a sink sends back: the byte count (8 bytes) and the SHA-256 (32 bytes). */
    static byte[] summary(long count, byte[] sha256) {
        return ByteBuffer.allocate(8 + 32).putLong(count).put(sha256).array();
    }

    /** A readable form of a summary, for assertions. */
    static String describeSummary(byte[] summary) {
        if (summary == null || summary.length != 40) {
            return "not a summary: " + (summary == null ? "null" : summary.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(summary);
        long count = buffer.getLong();
        byte[] sha = Arrays.copyOfRange(summary, 8, 40);
        return count + " bytes, SHA-256 " + java.util.HexFormat.of().formatHex(sha);
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
