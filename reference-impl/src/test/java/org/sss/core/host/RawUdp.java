package org.sss.core.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A plain blocking UDP socket on loopback that sends raw bytes and reads answers with a timeout. */
final class RawUdp implements AutoCloseable {
    private final DatagramChannel channel;

    private RawUdp(DatagramChannel channel) {
        this.channel = channel;
    }

    /** A socket bound to {@code address} on a free port. */
    static RawUdp bind(InetAddress address) {
        try {
            return new RawUdp(DatagramChannel.open().bind(new InetSocketAddress(address, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound address. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one datagram. */
    void send(byte[] payload, InetSocketAddress to) {
        try {
            int sent = channel.send(ByteBuffer.wrap(payload), to);
            if (sent != payload.length) {
                throw new IllegalStateException("sent " + sent + " of " + payload.length + " bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram received within {@code timeout}, or empty. */
    Optional<byte[]> receive(Duration timeout) {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            channel.socket().setSoTimeout((int) Math.max(1, timeout.toMillis()));
            channel.socket().receive(packet);
            return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
