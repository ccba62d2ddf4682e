package org.sss.core.channel;

/**
 * Sliding window of packet numbers already accepted on one direction of a channel
 * (SPEC.md section 6.4, after RFC 4303 section 3.4.3).
 *
 * <p>The window remembers the highest authenticated packet number and, as a bitmap, which of
 * the {@value #SIZE} numbers below it have been seen. A packet number is acceptable when it is
 * above the highest one, or inside the window and not yet seen. The caller checks with
 * {@link #isAcceptable(long)} before opening the box and records with {@link #accept(long)}
 * only after the box has opened, so forged packets never move the window.
 *
 * <p>Packet numbers are unsigned 64-bit values; not thread-safe (one channel, one event loop).
 */
public final class ReplayWindow {

    /** Number of packet numbers the window covers, the highest included. */
    public static final int SIZE = 256;

    private static final int WORDS = SIZE / 64;

    private final long[] seen = new long[WORDS];
    private long highest;
    private boolean empty = true;

    /**
     * Returns whether a packet with this number may still be accepted.
     *
     * @param packetNumber the packet number (unsigned)
     * @return false for a duplicate or for a number that fell below the window
     */
    public boolean isAcceptable(long packetNumber) {
        if (empty || Long.compareUnsigned(packetNumber, highest) > 0) {
            return true;
        }
        long distance = highest - packetNumber;
        if (Long.compareUnsigned(distance, SIZE) >= 0) {
            return false;
        }
        return !isSet((int) distance);
    }

    /**
     * Records an authenticated packet number.
     *
     * @param packetNumber the packet number, which {@link #isAcceptable(long)} accepted
     * @return false, changing nothing, when the number is not acceptable
     */
    public boolean accept(long packetNumber) {
        if (!isAcceptable(packetNumber)) {
            return false;
        }
        if (empty) {
            empty = false;
            highest = packetNumber;
            set(0);
            return true;
        }
        if (Long.compareUnsigned(packetNumber, highest) > 0) {
            shift(packetNumber - highest);
            highest = packetNumber;
            set(0);
        } else {
            set((int) (highest - packetNumber));
        }
        return true;
    }

    /** Whether no packet number has been accepted yet. */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Returns the highest packet number accepted so far.
     *
     * @throws IllegalStateException when nothing has been accepted yet
     */
    public long highest() {
        if (empty) {
            throw new IllegalStateException("no packet number accepted yet");
        }
        return highest;
    }

    private boolean isSet(int distance) {
        return (seen[distance >>> 6] & (1L << (distance & 63))) != 0;
    }

    private void set(int distance) {
        seen[distance >>> 6] |= 1L << (distance & 63);
    }

    /** Moves every bit {@code by} positions further from the highest number. */
    private void shift(long by) {
        if (Long.compareUnsigned(by, SIZE) >= 0) {
            java.util.Arrays.fill(seen, 0L);
            return;
        }
        int words = (int) (by >>> 6);
        int bits = (int) (by & 63);
        for (int i = WORDS - 1; i >= 0; i--) {
            int from = i - words;
            long value = from >= 0 ? seen[from] << bits : 0L;
            if (bits != 0 && from - 1 >= 0) {
                value |= seen[from - 1] >>> (64 - bits);
            }
            seen[i] = value;
        }
    }
}
