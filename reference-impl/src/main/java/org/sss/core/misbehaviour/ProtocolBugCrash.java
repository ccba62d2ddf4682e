package org.sss.core.misbehaviour;

/**
 * The crash a {@link ProtocolBug} simulates: an {@link Error}, so that no handler that catches bad
 * input's {@link RuntimeException}s stops it. The transport's receive loop ends for good when one
 * reaches it, and the host serves no datagram after that.
 */
public final class ProtocolBugCrash extends Error {
    private static final long serialVersionUID = 1L;

    /** A crash caused by {@code bug}. */
    public ProtocolBugCrash(ProtocolBug bug) {
        super("PROTOCOL BUG " + bug.name() + ": " + bug.description());
    }
}
