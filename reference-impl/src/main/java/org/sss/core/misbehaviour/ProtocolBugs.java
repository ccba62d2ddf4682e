package org.sss.core.misbehaviour;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable set of {@link ProtocolBug}s, tested with one bit operation so that a bug that is off
 * costs nothing measurable on the per-packet path. {@link #none()} is the default everywhere.
 */
public final class ProtocolBugs {
    /** How long {@link ProtocolBug#EMPTY_STREAM_FRAME_HANGS} stalls the event loop. */
    public static final Duration STALL = Duration.ofSeconds(15);
    private static final ProtocolBugs NONE = new ProtocolBugs(0);

    private final long mask;

    private ProtocolBugs(long mask) {
        this.mask = mask;
    }

    /** No bug: a correct implementation. */
    public static ProtocolBugs none() {
        return NONE;
    }

    /** The given bugs (for the conformance suite's self-tests only). */
    public static ProtocolBugs of(Collection<ProtocolBug> bugs) {
        long mask = 0;
        for (ProtocolBug bug : bugs) {
            mask |= 1L << bug.ordinal();
        }
        return mask == 0 ? NONE : new ProtocolBugs(mask);
    }

    /** The given bugs (for the conformance suite's self-tests only). */
    public static ProtocolBugs of(ProtocolBug... bugs) {
        return of(Set.of(bugs));
    }

    /** Whether {@code bug} is switched on. */
    public boolean has(ProtocolBug bug) {
        return (mask & 1L << bug.ordinal()) != 0;
    }

    /** Whether no bug is switched on. */
    public boolean isEmpty() {
        return mask == 0;
    }

    /** The bugs switched on. */
    public Set<ProtocolBug> asSet() {
        EnumSet<ProtocolBug> set = EnumSet.noneOf(ProtocolBug.class);
        for (ProtocolBug bug : ProtocolBug.values()) {
            if (has(bug)) {
                set.add(bug);
            }
        }
        return set;
    }

    /**
     * Blocks the calling thread (the host's event loop) for {@link #STALL}, or until it is interrupted:
     * the hang that {@link ProtocolBug#EMPTY_STREAM_FRAME_HANGS} simulates.
     */
    public static void stall() {
        try {
            Thread.sleep(STALL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolBugs other && other.mask == mask;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mask);
    }

    @Override
    public String toString() {
        return asSet().toString();
    }
}
