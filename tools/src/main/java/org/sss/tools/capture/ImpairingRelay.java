package org.sss.tools.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.tools.relay.DatagramHook;
import org.sss.tools.relay.UdpRelay;

/**
 * A {@link UdpRelay} between initiators and one responder that drops a seeded share of the datagrams in
 * each direction. Which datagrams are dropped depends only on the seed and the order datagrams arrive in.
 */
final class ImpairingRelay implements AutoCloseable {
    private final double lossRate;
    private final Random toResponderLoss;
    private final Random toInitiatorLoss;
    private final AtomicLong dropped = new AtomicLong();
    private final UdpRelay relay;

    /**
     * Starts relaying.
     *
     * @param responder where to forward
     * @param lossPercent the share of datagrams dropped in each direction, 0 to 100
     * @param seed the seed of the drop decisions
     */
    ImpairingRelay(InetSocketAddress responder, double lossPercent, long seed) throws IOException {
        this.lossRate = lossPercent / 100;
        this.toResponderLoss = new Random(seed);
        this.toInitiatorLoss = new Random(~seed);
        this.relay = new UdpRelay(responder, (direction, initiator, datagram) -> !drop(
                direction == DatagramHook.Direction.TO_RESPONDER ? toResponderLoss : toInitiatorLoss),
                "sss-capture-relay");
    }

    /** Where initiators are to send. */
    InetSocketAddress address() throws IOException {
        return relay.address();
    }

    /** How many datagrams were dropped on purpose. */
    long dropped() {
        return dropped.get();
    }

    private boolean drop(Random random) {
        if (lossRate > 0 && random.nextDouble() < lossRate) {
            dropped.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            relay.close();
        } catch (IOException e) {
            // closing loopback sockets: nothing to report
        }
    }
}
