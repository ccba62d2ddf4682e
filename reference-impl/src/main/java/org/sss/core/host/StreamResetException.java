package org.sss.core.host;

/** A stream was reset (SPEC.md section 8.5), by the peer or by this end. */
public final class StreamResetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long errorCode;
    private final boolean byPeer;

    /**
     * @param errorCode the RESET's error code
     * @param reason its reason text
     * @param byPeer whether the peer sent the RESET
     */
    public StreamResetException(long errorCode, String reason, boolean byPeer) {
        super((byPeer ? "reset by the peer" : "reset locally") + " with code 0x" + Long.toHexString(errorCode)
                + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.errorCode = errorCode;
        this.byPeer = byPeer;
    }

    /** The RESET's error code. */
    public long errorCode() {
        return errorCode;
    }

    /** Whether the peer sent the RESET. */
    public boolean byPeer() {
        return byPeer;
    }
}
