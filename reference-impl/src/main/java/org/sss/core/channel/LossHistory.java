package org.sss.core.channel;

/**
 * The fates of the most recent {@value #WINDOW} packets whose fate is known, acknowledged or
 * declared lost, as a ring of bits: the loss rate that best-effort streams report (STR-DGRAM-7).
 * Allocation-free. Not thread-safe.
 */
final class LossHistory {
    /** How many fates are remembered. */
    static final int WINDOW = 256;

    private final long[] lostBits = new long[WINDOW / Long.SIZE];
    private int next;
    private int count;
    private int lost;

    /** Records the fate of one packet. */
    void record(boolean wasLost) {
        int word = next >>> 6;
        long bit = 1L << (next & 63);
        if (count == WINDOW && (lostBits[word] & bit) != 0) {
            lost--;
        }
        if (wasLost) {
            lostBits[word] |= bit;
            lost++;
        } else {
            lostBits[word] &= ~bit;
        }
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** The fraction of the remembered fates that were losses; 0 when none is known. */
    double rate() {
        return count == 0 ? 0.0 : (double) lost / count;
    }

    /** How many fates are remembered, at most {@value #WINDOW}. */
    int count() {
        return count;
    }
}
