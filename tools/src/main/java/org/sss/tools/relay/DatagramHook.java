package org.sss.tools.relay;

import java.net.InetSocketAddress;

/** Sees each datagram a {@link UdpRelay} receives, on the relay's thread, and decides whether it is forwarded. */
@FunctionalInterface
public interface DatagramHook {
    /** Which way a datagram travels. */
    enum Direction {
        /** From an initiator to the responder. */
        TO_RESPONDER,
        /** From the responder back to an initiator. */
        TO_INITIATOR
    }

    /**
     * Called once per datagram, in the order they arrive.
     *
     * @param direction which way it travels
     * @param initiator the initiator it comes from or goes to
     * @param datagram its bytes (the hook may keep them: the relay does not reuse the array)
     * @return whether to forward it; false drops it
     */
    boolean forward(Direction direction, InetSocketAddress initiator, byte[] datagram);
}
