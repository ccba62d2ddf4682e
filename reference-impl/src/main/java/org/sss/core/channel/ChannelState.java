package org.sss.core.channel;

/** The life of a channel (SPEC.md section 6.1, 6.8). */
public enum ChannelState {
    /** Created from a negotiation; its first packet has not been accepted yet. */
    NEW,
    /** Open: packets flow both ways. */
    ESTABLISHED,
    /** This end sent CLOSE; it answers accepted packets with CLOSE for 3 · PTO (CHN-CLOSE-1, CHN-CLOSE-2). */
    CLOSING,
    /** The peer sent CLOSE; this end sends nothing for 3 · PTO (CHN-CLOSE-3). */
    DRAINING,
    /** Discarded: keys erased, nothing is sent or accepted (CHN-CLOSE-4, CHN-IDLE-3). */
    CLOSED
}
