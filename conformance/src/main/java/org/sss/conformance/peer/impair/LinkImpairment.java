package org.sss.conformance.peer.impair;

import java.util.Objects;

/**
 * The impairment of both directions between the tester peer and the target, with the seed that
 * fixes every decision: the same seed and the same datagram lengths give the same decisions, so a
 * failing run replays with the seed its report prints.
 *
 * @param toTarget what happens to the datagrams the peer sends
 * @param fromTarget what happens to the datagrams the target sends, before the peer sees them
 * @param seed the seed of both directions' decisions (each direction draws from its own stream)
 */
public record LinkImpairment(Impairment toTarget, Impairment fromTarget, long seed) {
    /** A clean link in both directions. */
    public static final LinkImpairment NONE = new LinkImpairment(Impairment.NONE, Impairment.NONE, 0);

    /** Checks the parts. */
    public LinkImpairment {
        Objects.requireNonNull(toTarget, "toTarget");
        Objects.requireNonNull(fromTarget, "fromTarget");
    }

    /** The same impairment in both directions. */
    public static LinkImpairment both(Impairment impairment, long seed) {
        return new LinkImpairment(impairment, impairment, seed);
    }

    /** Whether both directions are clean. */
    public boolean isNone() {
        return toTarget.isNone() && fromTarget.isNone();
    }

    @Override
    public String toString() {
        return "to-IUT[" + toTarget + "] from-IUT[" + fromTarget + "] impairment seed " + seed;
    }
}
