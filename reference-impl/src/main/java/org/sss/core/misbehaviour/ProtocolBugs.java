package org.sss.core.misbehaviour;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable set of {@link ProtocolBug}s, tested with one bit operation so that a bug that is off
 * costs nothing measurable on the per-packet path. {@link #none()} is the default everywhere.
 */
public final class ProtocolBugs {
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
