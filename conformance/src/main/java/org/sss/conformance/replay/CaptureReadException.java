package org.sss.conformance.replay;

/** A capture file that cannot be read: missing, not a pcap file, or truncated before its first record. */
public final class CaptureReadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names the file. */
    public CaptureReadException(String message) {
        super(message);
    }
}
