package org.sss.tools.dissect;

/** A capture or keylog file that cannot be read: {@code sss dissect} exits with code 3 and this message. */
public final class UnreadableCaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An input problem described by {@code message}. */
    public UnreadableCaptureException(String message) {
        super(message);
    }
}
