package org.sss.tools.bench.compare.ceiling;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.sss.core.wire.WireLimits;
import org.sss.tools.bench.StreamCeiling;
import org.sss.tools.bench.compare.Loopback;

/**
 * The UDP ceiling of {@code sss bench}: how many full-size ({@value WireLimits#MAX_DATAGRAM}-byte)
 * datagrams one sender gets to one receiver over loopback with the transport the SSS hosts use
 * (Netty's {@link org.sss.core.transport.UdpTransport}: native epoll where it loads, writes flushed
 * per batch through sendmmsg, reads through recvmmsg) and no crypto at all. It is
 * {@link StreamCeiling} with the crypto off: the receiver returns credit so that the sender does not
 * overrun it, and checks every datagram's length and sequence numbers.
 */
public final class UdpCeiling {
    /** How long to wait for the last credit beyond the duration. */
    private static final long DRAIN_SECONDS = 30;

    /**
     * One measurement.
     *
     * @param packetsReceived datagrams that arrived whole and checked
     * @param packetsSent datagrams the sender sent
     * @param nanos from the first send to the credit for the last datagram
     * @param transport {@code epoll} or {@code NIO}
     */
    public record Result(long packetsReceived, long packetsSent, long nanos, String transport) {
        /** Bytes of UDP payload per datagram. */
        public static final int DATAGRAM_BYTES = WireLimits.MAX_DATAGRAM;

        /** Datagrams received per second. */
        public double packetsPerSecond() {
            return packetsReceived / (nanos / 1e9);
        }

        /** UDP payload received, in MB/s (10^6 bytes per second). */
        public double megabytesPerSecond() {
            return packetsPerSecond() * DATAGRAM_BYTES / 1e6;
        }
    }

    private UdpCeiling() {
    }

    /**
     * Sends for {@code duration} and waits for what was sent.
     *
     * @param loopback the address both ends bind
     * @param seed fixes the payload
     * @throws IllegalStateException if no datagram arrived
     */
    public static Result measure(Loopback loopback, Duration duration, long seed)
            throws InterruptedException, TimeoutException {
        StreamCeiling.Outcome outcome = StreamCeiling.measureFor(loopback.address(), StreamCeiling.Crypto.OFF,
                duration.toNanos(), seed, DRAIN_SECONDS);
        if (outcome.packetsReceived() == 0) {
            throw new IllegalStateException("no datagram arrived of " + outcome.packetsSent() + " sent");
        }
        return new Result(outcome.packetsReceived(), outcome.packetsSent(), outcome.nanos(), outcome.transport());
    }
}
