package org.sss.conformance.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * A raw, unconnected UDP socket ({@link DatagramChannel}) that sends only to the target and logs every
 * datagram in both directions. Receiving waits with a {@link Selector} until a deadline; payloads up
 * to 65 535 bytes are read whole, so that an oversize datagram from the target is seen as such.
 */
final class UdpEndpoint implements AutoCloseable {
    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress target;
    private final DatagramLog log;
    private final ByteBuffer buffer = ByteBuffer.allocate(65_535);

    UdpEndpoint(InetSocketAddress localAddress, InetSocketAddress target, DatagramLog log) throws IOException {
        this.target = target;
        this.log = log;
        boolean v6 = target.getAddress() instanceof Inet6Address;
        InetSocketAddress bind = localAddress != null ? localAddress
                : new InetSocketAddress(v6 ? InetAddress.getByName("::1") : InetAddress.getByName("127.0.0.1"), 0);
        this.channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(bind);
            channel.configureBlocking(false);
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress target() {
        return target;
    }

    /** Sends one datagram to the target and logs it. */
    LoggedDatagram send(byte[] datagram) {
        try {
            LoggedDatagram entry = log.record(LoggedDatagram.Direction.SENT, target, datagram);
            int sent = channel.send(ByteBuffer.wrap(datagram), target);
            if (sent != datagram.length) {
                throw new IOException("socket buffer full: " + datagram.length + " bytes not sent");
            }
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + target, e);
        }
    }

    /** The next datagram from anyone, or null once {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    LoggedDatagram receive(long deadlineNanos) {
        try {
            while (true) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from != null) {
                    buffer.flip();
                    byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
                    return log.record(LoggedDatagram.Direction.RECEIVED, (InetSocketAddress) from, bytes);
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                selector.select(Math.max(1, remaining / 1_000_000));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("receiving on " + localAddress(), e);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
