package org.sss.conformance.peer;

/** The target did not do what the tester peer waited for within the allowed time. */
public final class PeerTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was awaited */
    public PeerTimeoutException(String message) {
        super(message);
    }
}
