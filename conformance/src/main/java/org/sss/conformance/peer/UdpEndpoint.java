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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.impair.ImpairmentDecision;
import org.sss.conformance.peer.impair.ImpairmentEngine;
import org.sss.conformance.peer.impair.ImpairmentLog;
import org.sss.conformance.peer.impair.LinkImpairment;

/**
 * Raw, unconnected UDP sockets ({@link DatagramChannel}) that send only to the target and log every
 * datagram in both directions. Receiving waits with a {@link Selector} until a deadline; payloads up
 * to 65 535 bytes are read whole, so that an oversize datagram from the target is seen as such.
 *
 * <p>Once {@link #impair} is called, every datagram passes the seedable impairment layer: a sent
 * datagram is logged when (and as) it really leaves the socket, after the link delayed or corrupted
 * it, and not at all when the link lost it; a received one is logged as it arrived, and the peer then
 * gets what the link made of it. The link runs on the caller's thread, so delayed datagrams move only
 * while the peer sends or receives. {@link #rebind} adds a new socket that sends from then on (a path
 * change); the earlier sockets keep receiving.
 */
final class UdpEndpoint implements AutoCloseable {
    private final List<DatagramChannel> sockets = new ArrayList<>();
    private final Selector selector;
    private final InetSocketAddress target;
    private final DatagramLog log;
    private final ByteBuffer buffer = ByteBuffer.allocate(65_535);
    private DatagramChannel current;
    private ImpairmentEngine<Void> toTarget;
    private ImpairmentEngine<Delivery> fromTarget;
    private ImpairmentLog impairmentLog;

    /**
     * A datagram handed to the peer.
     *
     * @param datagram what the peer processes (a corrupted or second copy is not in the log)
     * @param local the socket address it arrived on
     * @param altered whether the impairment layer corrupted or duplicated it
     */
    record Delivery(LoggedDatagram datagram, InetSocketAddress local, boolean altered) {
    }

    UdpEndpoint(InetSocketAddress localAddress, InetSocketAddress target, DatagramLog log) throws IOException {
        this.target = target;
        this.log = log;
        this.selector = Selector.open();
        try {
            this.current = open(localAddress);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
    }

    private DatagramChannel open(InetSocketAddress localAddress) throws IOException {
        boolean v6 = target.getAddress() instanceof Inet6Address;
        InetSocketAddress bind = localAddress != null ? localAddress
                : new InetSocketAddress(v6 ? InetAddress.getByName("::1") : InetAddress.getByName("127.0.0.1"), 0);
        DatagramChannel channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(bind);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        sockets.add(channel);
        return channel;
    }

    /** Opens a new socket on an ephemeral port that sends from now on; the earlier ones still receive. */
    InetSocketAddress rebind() {
        try {
            current = open(null);
            return localAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("opening a new socket", e);
        }
    }

    /** Starts impairing both directions; {@link LinkImpairment#NONE} leaves the link clean. */
    void impair(LinkImpairment link) {
        if (link.isNone()) {
            return;
        }
        impairmentLog = new ImpairmentLog(link);
        toTarget = new ImpairmentEngine<>(link.toTarget(), link.seed() ^ 0x746f2d495554L);
        fromTarget = new ImpairmentEngine<>(link.fromTarget(), link.seed() ^ 0x66726f6d2d4955L);
    }

    /** The decisions taken so far, or null when the link is not impaired. */
    ImpairmentLog impairmentLog() {
        return impairmentLog;
    }

    InetSocketAddress localAddress() {
        return addressOf(current);
    }

    private static InetSocketAddress addressOf(DatagramChannel channel) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress target() {
        return target;
    }

    /** Sends one datagram to the target from the current socket, through the impairment layer if any. */
    void send(byte[] datagram) {
        if (toTarget == null) {
            transmit(datagram);
            return;
        }
        long now = System.nanoTime();
        ImpairmentDecision d = toTarget.offer(datagram, null, now);
        impairmentLog.add(new ImpairmentLog.Entry(LoggedDatagram.Direction.SENT, d, datagram, null));
        flushDue(now);
    }

    private LoggedDatagram transmit(byte[] datagram) {
        try {
            LoggedDatagram entry = log.record(LoggedDatagram.Direction.SENT, target, datagram);
            int sent = current.send(ByteBuffer.wrap(datagram), target);
            if (sent != datagram.length) {
                throw new IOException("socket buffer full: " + datagram.length + " bytes not sent");
            }
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + target, e);
        }
    }

    /** Sends the delayed datagrams that are due. */
    private void flushDue(long now) {
        ImpairmentEngine.Delivery<Void> due;
        while ((due = toTarget.poll(now)) != null) {
            LoggedDatagram wire = transmit(due.bytes());
            if (due.copy() == 0) {
                impairmentLog.sent(due.decision(), wire);
            }
        }
    }

    /** The next datagram from anyone, or null once {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    LoggedDatagram receive(long deadlineNanos) {
        Delivery d = next(deadlineNanos);
        return d == null ? null : d.datagram();
    }

    /** The next datagram for the peer, with the socket it arrived on, or null once {@code deadlineNanos} has passed. */
    Delivery next(long deadlineNanos) {
        try {
            while (true) {
                long now = System.nanoTime();
                if (toTarget != null) {
                    flushDue(now);
                    ImpairmentEngine.Delivery<Delivery> due = fromTarget.poll(now);
                    if (due != null) {
                        return deliver(due);
                    }
                }
                Delivery arrived = readAny();
                if (arrived != null) {
                    if (fromTarget == null) {
                        return arrived;
                    }
                    LoggedDatagram wire = arrived.datagram();
                    ImpairmentDecision d = fromTarget.offer(wire.bytes(), arrived, wire.monotonicNanos());
                    impairmentLog.add(new ImpairmentLog.Entry(LoggedDatagram.Direction.RECEIVED, d, wire.bytes(), wire));
                    continue;
                }
                long wake = deadlineNanos;
                if (toTarget != null && toTarget.hasQueued() && toTarget.nextDueNanos() - wake < 0) {
                    wake = toTarget.nextDueNanos();
                }
                if (fromTarget != null && fromTarget.hasQueued() && fromTarget.nextDueNanos() - wake < 0) {
                    wake = fromTarget.nextDueNanos();
                }
                long remaining = wake - System.nanoTime();
                if (remaining > 0) {
                    selector.select(Math.max(1, (remaining + 999_999) / 1_000_000));
                    selector.selectedKeys().clear();
                } else if (deadlineNanos - System.nanoTime() <= 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("receiving on " + localAddress(), e);
        }
    }

    /** One datagram waiting on any socket, logged as it arrived, or null. */
    private Delivery readAny() throws IOException {
        for (DatagramChannel socket : sockets) {
            buffer.clear();
            SocketAddress from = socket.receive(buffer);
            if (from != null) {
                buffer.flip();
                byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
                LoggedDatagram wire = log.record(LoggedDatagram.Direction.RECEIVED, (InetSocketAddress) from, bytes);
                return new Delivery(wire, addressOf(socket), false);
            }
        }
        return null;
    }

    /** What the peer gets of a received datagram: the logged one, or an altered copy that is not in the log. */
    private static Delivery deliver(ImpairmentEngine.Delivery<Delivery> due) {
        Delivery arrival = due.context();
        if (!due.altered()) {
            return arrival;
        }
        LoggedDatagram wire = arrival.datagram();
        LoggedDatagram copy = new LoggedDatagram(wire.direction(), System.nanoTime(), Instant.now(), wire.remote(),
                due.bytes());
        return new Delivery(copy, arrival.local(), true);
    }

    @Override
    public void close() {
        try {
            selector.close();
            for (DatagramChannel socket : sockets) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
