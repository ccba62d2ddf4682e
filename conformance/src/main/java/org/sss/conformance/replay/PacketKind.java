package org.sss.conformance.replay;

import org.sss.conformance.peer.wire.Magic;

/** The kind of an SSS datagram by its magic (SPEC.md section 3.1), {@link #OTHER} for anything else. */
public enum PacketKind {
    /** Starts with the HELLO magic. */
    HELLO,
    /** Starts with the COOKIE magic. */
    COOKIE,
    /** Starts with the INITIATE magic. */
    INITIATE,
    /** Starts with the MESSAGE magic. */
    MESSAGE,
    /** Starts with the reserved INITIATE_MESSAGE magic. */
    INITIATE_MESSAGE,
    /** No SSS magic: shorter than 8 bytes or an unknown magic. */
    OTHER;

    /** The kind of {@code payload}. */
    public static PacketKind of(byte[] payload) {
        Magic magic = Magic.of(payload);
        return magic == null ? OTHER : valueOf(magic.name());
    }
}
