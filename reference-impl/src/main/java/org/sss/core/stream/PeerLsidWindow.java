package org.sss.core.stream;

import java.util.Arrays;

/**
 * Which of the peer's LSIDs (one parity) have been seen, for every LSID from {@code H - 65 536} to
 * {@code H}, {@code H} being the highest seen (SPEC.md section 8.2, STR-ID-7).
 *
 * <p>A bitmap ring indexed by {@code lsid / 2}: the window holds 32 769 LSIDs of one parity, so the
 * ring has 32 832 bits (513 longs, just over 4 KiB) and nothing is allocated per LSID. Whether a
 * seen LSID is still live is the caller's business (its stream table). Not thread-safe (one event
 * loop).
 */
final class PeerLsidWindow {

    /** How far below the highest seen LSID the window reaches (STR-ID-7). */
    static final long SPAN = 65_536;

    /** What the window knows of a peer LSID. */
    enum State {
        /** Never seen, and within or above the window. */
        UNSEEN,
        /** Seen (the caller's table tells live from retired). */
        SEEN,
        /** More than {@link #SPAN} below the highest seen LSID: retired whatever happened to it. */
        RETIRED_BY_AGE
    }

    private static final int RING_BITS = (int) (SPAN / 2) + 64;

    private final long[] ring = new long[RING_BITS / 64];
    private final int parity;
    private long highest;
    private boolean any;

    /**
     * @param parity 1 when the peer's LSIDs are odd (the peer is the channel's initiator), 0 when even
     */
    PeerLsidWindow(int parity) {
        if (parity != 0 && parity != 1) {
            throw new IllegalArgumentException("parity must be 0 or 1: " + parity);
        }
        this.parity = parity;
    }

    /**
     * What the window knows of {@code lsid}.
     *
     * @throws IllegalArgumentException when {@code lsid} is negative or of the other parity
     */
    State state(long lsid) {
        check(lsid);
        if (!any || lsid > highest) {
            return State.UNSEEN;
        }
        if (highest - lsid > SPAN) {
            return State.RETIRED_BY_AGE;
        }
        return isSet(lsid) ? State.SEEN : State.UNSEEN;
    }

    /**
     * Records {@code lsid} as seen; a new highest LSID slides the window, and LSIDs sliding out of
     * it count as retired. An LSID already below the window changes nothing.
     *
     * @throws IllegalArgumentException when {@code lsid} is negative or of the other parity
     */
    void markSeen(long lsid) {
        check(lsid);
        if (!any) {
            any = true;
            highest = lsid;
        } else if (lsid > highest) {
            clearAbove(highest, lsid);
            highest = lsid;
        } else if (highest - lsid > SPAN) {
            return;
        }
        int bit = bit(lsid);
        ring[bit >>> 6] |= 1L << (bit & 63);
    }

    /** The highest LSID seen, or 0 when none. */
    long highest() {
        return any ? highest : 0;
    }

    private void check(long lsid) {
        if (lsid < 0 || (lsid & 1) != parity) {
            throw new IllegalArgumentException("not a peer LSID of parity " + parity + ": " + lsid);
        }
    }

    private static int bit(long lsid) {
        return (int) ((lsid >>> 1) % RING_BITS);
    }

    private boolean isSet(long lsid) {
        int bit = bit(lsid);
        return (ring[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    /** Clears the ring positions of the LSIDs in {@code (from, to]}, which held LSIDs long gone. */
    private void clearAbove(long from, long to) {
        long steps = (to >>> 1) - (from >>> 1);
        if (steps >= RING_BITS) {
            Arrays.fill(ring, 0L);
            return;
        }
        int bit = bit(from);
        for (long i = 0; i < steps; i++) {
            bit = bit + 1 == RING_BITS ? 0 : bit + 1;
            if ((bit & 63) == 0 && steps - i > 64) {
                ring[bit >>> 6] = 0L;
                bit += 63;
                i += 63;
            } else {
                ring[bit >>> 6] &= ~(1L << (bit & 63));
            }
        }
    }
}
