package org.sss.core.host;

import java.util.Random;

/**
 * Decides the fate of each datagram of one direction of an {@link ImpairedLink}, from one seeded
 * {@link Random}. Every call draws the same number of values whatever the impairment and the
 * outcome, so the decision about the n-th datagram depends only on the seed, n, the impairment in
 * force and the datagram's length; a run is replayed by its seed.
 */
final class ImpairedDecider {
    private final Random random;
    /** The Gilbert-Elliott state: true while in the bad state. */
    private boolean bad;

    /** What happens to one datagram; one instance is reused for every decision. */
    static final class Decision {
        /** Whether the datagram is lost. */
        boolean drop;
        /** Whether a second copy follows it. */
        boolean duplicate;
        /** How many later datagrams overtake it, or 0 when it keeps its place. */
        int reorderDistance;
        /** Extra delay beyond the fixed one. */
        long jitterNanos;
        /** The bit to flip, counted from the first byte's most significant bit, or -1. */
        int corruptBit = -1;

        @Override
        public String toString() {
            return (drop ? "drop" : "pass") + (duplicate ? " dup" : "")
                    + (reorderDistance > 0 ? " reorder" + reorderDistance : "")
                    + (jitterNanos > 0 ? " +" + jitterNanos + "ns" : "")
                    + (corruptBit >= 0 ? " flip" + corruptBit : "");
        }
    }

    /** A decider whose draws come from {@code new Random(seed)}. */
    ImpairedDecider(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Decides about the next datagram.
     *
     * @param impairment the impairment in force
     * @param length the datagram's length in bytes
     * @param out receives the decision
     */
    void decide(Impairment impairment, int length, Decision out) {
        // always eight draws, in this order: the decision sequence depends only on the seed
        double transition = random.nextDouble();
        double loss = random.nextDouble();
        double duplicate = random.nextDouble();
        double reorder = random.nextDouble();
        double distance = random.nextDouble();
        double jitter = random.nextDouble();
        double corrupt = random.nextDouble();
        int bit = random.nextInt();

        if (impairment.burstLoss()) {
            bad = bad ? transition >= impairment.burstExit() : transition < impairment.burstEnter();
        } else {
            bad = false;
        }
        out.drop = loss < (bad ? impairment.burstLossRate() : impairment.lossRate());
        out.duplicate = duplicate < impairment.duplicateRate();
        out.reorderDistance = reorder < impairment.reorderRate()
                ? 1 + Math.min((int) (distance * impairment.reorderDistance()), impairment.reorderDistance() - 1)
                : 0;
        out.jitterNanos = (long) (jitter * impairment.jitter().toNanos());
        out.corruptBit = length > 0 && corrupt < impairment.corruptRate() ? Math.floorMod(bit, length * 8) : -1;
    }

    /** Whether the Gilbert-Elliott chain is in its bad state now. */
    boolean inBadState() {
        return bad;
    }
}
