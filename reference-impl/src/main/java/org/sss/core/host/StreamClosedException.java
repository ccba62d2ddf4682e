package org.sss.core.host;

/** A stream can no longer be used: its channel closed without a replacement, or the host closed. */
public final class StreamClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public StreamClosedException(String message) {
        super(message);
    }
}
