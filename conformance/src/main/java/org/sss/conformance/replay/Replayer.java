package org.sss.conformance.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.sss.conformance.report.CapturedDatagram;

/**
 * Plays captured datagrams to a target from one UDP socket of its own and collects what comes back to that socket.
 * Every datagram goes to the target, whatever its captured destination; only its payload is sent. The socket stays
 * open across {@link #play} calls, so a replay can be followed by more datagrams from the same address.
 */
public final class Replayer implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 1 << 20;

    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    private Replayer(DatagramSocket socket, InetSocketAddress target) {
        this.socket = socket;
        this.target = target;
    }

    /**
     * A replayer towards {@code target} from a socket bound to {@code bind}: a given address and port (e.g. the
     * captured initiator's, to replay from the original address) or null for an ephemeral port on every interface of
     * the target's address family.
     */
    public static Replayer open(InetSocketAddress target, InetSocketAddress bind) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
            socket.bind(bind != null ? bind : target.getAddress() instanceof Inet4Address
                    ? new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0) : new InetSocketAddress(0));
            return new Replayer(socket, target);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The address the replayed datagrams come from. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Where the datagrams go. */
    public InetSocketAddress target() {
        return target;
    }

    /**
     * Sends the payloads of {@code datagrams} to the target in order, spaced as {@code timing} says, receiving
     * replies meanwhile and for {@code linger} after the last one.
     *
     * @param listener told of each datagram sent and each reply as it happens (e.g. to print it)
     */
    public ReplayResult play(List<CapturedDatagram> datagrams, Timing timing, Duration linger,
            Consumer<ReplayEvent> listener) {
        List<ReplayEvent> events = new ArrayList<>();
        Consumer<ReplayEvent> record = e -> {
            events.add(e);
            listener.accept(e);
        };
        long start = System.nanoTime();
        for (int i = 0; i < datagrams.size(); i++) {
            CapturedDatagram d = datagrams.get(i);
            long due = start + timing.offset(datagrams.get(0).time(), d.time()).toNanos();
            receiveUntil(due, start, record);
            byte[] payload = d.payload();
            send(payload);
            record.accept(new ReplayEvent(ReplayEvent.Direction.SENT, i, Duration.ofNanos(System.nanoTime() - start),
                    target, payload));
        }
        receiveUntil(System.nanoTime() + linger.toNanos(), start, record);
        return new ReplayResult(localAddress(), events);
    }

    /** {@link #play} without a listener. */
    public ReplayResult play(List<CapturedDatagram> datagrams, Timing timing, Duration linger) {
        return play(datagrams, timing, linger, e -> { });
    }

    private void send(byte[] payload) {
        try {
            socket.send(new DatagramPacket(payload, payload.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + payload.length + " bytes to " + target, e);
        }
    }

    private void receiveUntil(long deadline, long start, Consumer<ReplayEvent> record) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            long millis = TimeUnit.NANOSECONDS.toMillis(remaining);
            if (millis == 0) {
                LockSupport.parkNanos(remaining); // a timeout of 0 would mean forever
                continue;
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("receiving on " + localAddress(), e);
            }
            record.accept(new ReplayEvent(ReplayEvent.Direction.RECEIVED, -1,
                    Duration.ofNanos(System.nanoTime() - start), (InetSocketAddress) packet.getSocketAddress(),
                    Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength())));
        }
    }

    /** Closes the socket. */
    @Override
    public void close() {
        socket.close();
    }
}
