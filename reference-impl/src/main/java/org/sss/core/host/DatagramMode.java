package org.sss.core.host;

import org.sss.core.channel.Channel;

/** SPEC STR-DGRAM-6: when a datagram goes in reliable mode instead of best effort. */
final class DatagramMode {
    /** The most fragments a best-effort datagram may have. */
    static final int MAX_BEST_EFFORT_FRAGMENTS = 16;
    /** Room in a packet for the ACK, and a STREAM frame's header with INIT and an 8-byte offset. */
    private static final int FRAGMENT_OVERHEAD = 40 + 1 + 2 + 4 + 4 + 8 + 2;

    private DatagramMode() {
    }

    /**
     * Whether a datagram of {@code length} bytes must go reliably: more than 16 fragments, or
     * {@code 1 - (1 - p)^n > 0.5} with the channel's loss rate {@code p} (STR-DGRAM-7).
     */
    static boolean reliable(int length, Channel channel) {
        int perFragment = Math.max(1, channel.maxFramesLength() - FRAGMENT_OVERHEAD);
        int fragments = Math.max(1, (length + perFragment - 1) / perFragment);
        return reliable(fragments, channel.lossRate());
    }

    static boolean reliable(int fragments, double lossRate) {
        if (fragments > MAX_BEST_EFFORT_FRAGMENTS) {
            return true;
        }
        return 1 - Math.pow(1 - lossRate, fragments) > 0.5;
    }
}
