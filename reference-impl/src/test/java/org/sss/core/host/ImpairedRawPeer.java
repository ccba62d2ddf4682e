package org.sss.core.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain UDP socket on IPv4 loopback that records every datagram it receives on its own thread,
 * for testing {@link ImpairedLink} without SSS.
 */
final class ImpairedRawPeer implements AutoCloseable {
    /**
     * One datagram received.
     *
     * @param bytes the payload, or its first bytes when the peer keeps only a prefix
     * @param length the payload's full length
     * @param atNanos when it was read ({@link System#nanoTime()})
     * @param source the sender's address
     */
    record Arrival(byte[] bytes, int length, long atNanos, InetSocketAddress source) {
    }

    private final DatagramChannel socket;
    private final int keep;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread thread;
    private volatile int count;

    /** A peer that keeps at most {@code keep} bytes of each datagram. */
    ImpairedRawPeer(int keep) {
        this.keep = keep;
        try {
            socket = DatagramChannel.open();
            socket.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            socket.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, "impaired-raw-peer-" + address());
        thread.setDaemon(true);
        thread.start();
    }

    /** A peer that keeps every byte. */
    ImpairedRawPeer() {
        this(Integer.MAX_VALUE);
    }

    /** The peer's address. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) socket.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one datagram from this peer's socket. */
    void send(byte[] datagram, InetSocketAddress to) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(datagram);
            socket.send(buffer, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many datagrams arrived so far. */
    int count() {
        return count;
    }

    /** Every datagram received so far, in order. */
    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Waits until {@code expected} datagrams have arrived. */
    List<Arrival> awaitCount(int expected) {
        Await.until(expected + " datagrams at " + address(), this::count, n -> n >= expected);
        return arrivals();
    }

    @Override
    public void close() {
        try {
            socket.close();
            thread.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_535);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) socket.receive(buffer);
                long now = System.nanoTime();
                buffer.flip();
                int length = buffer.remaining();
                byte[] bytes = new byte[Math.min(length, keep)];
                buffer.get(bytes);
                synchronized (arrivals) {
                    arrivals.add(new Arrival(bytes, length, now, source));
                    count = arrivals.size();
                }
            }
        } catch (ClosedChannelException e) {
            // closed by the test
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ImpairedRawPeer[" + address() + ", " + count + " received]";
    }
}
