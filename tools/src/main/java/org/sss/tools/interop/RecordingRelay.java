package org.sss.tools.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.DatagramLog;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.responder.Violation;
import org.sss.conformance.peer.responder.WireRules;

/**
 * A UDP relay owned by the suite between an initiator and a responder on loopback: the initiator
 * talks to {@link #address()}, and for each initiator address the relay forwards through its own
 * upstream socket, so that the responder sees one stable peer address (the cookie binds it, SPEC.md
 * CRY-COOKIE-4). Every datagram is logged; {@link #violations()} applies the cleartext rules of
 * {@link WireRules} to both directions.
 */
final class RecordingRelay implements AutoCloseable {
    private final InetSocketAddress responder;
    private final DatagramChannel front;
    private final Selector selector;
    private final Map<InetSocketAddress, DatagramChannel> upstreams = new LinkedHashMap<>();
    private final DatagramLog toResponder = new DatagramLog();
    private final DatagramLog toInitiator = new DatagramLog();
    private final Thread thread;
    private volatile boolean running = true;

    RecordingRelay(InetSocketAddress responder) throws IOException {
        this.responder = responder;
        this.front = open();
        this.selector = Selector.open();
        front.register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::loop, "sss-interop-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the initiator is to send. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) front.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many datagrams went each way: initiator to responder, responder to initiator. */
    int[] counts() {
        return new int[] {toResponder.entries().size(), toInitiator.entries().size()};
    }

    /** The cleartext rules the recorded exchange broke, initiator's datagrams first. */
    List<Violation> violations() {
        WireRules rules = new WireRules();
        List<Violation> out = new ArrayList<>();
        toResponder.entries().forEach(d -> out.addAll(rules.fromInitiator(d)));
        toInitiator.entries().forEach(d -> out.addAll(rules.fromResponder(d)));
        return out;
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_535);
        try {
            while (running) {
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    buffer.clear();
                    SocketAddress from = channel.receive(buffer);
                    if (from == null) {
                        continue;
                    }
                    buffer.flip();
                    byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
                    if (channel == front) {
                        InetSocketAddress initiator = (InetSocketAddress) from;
                        toResponder.record(LoggedDatagram.Direction.RECEIVED, initiator, bytes);
                        upstream(initiator).send(ByteBuffer.wrap(bytes), responder);
                    } else {
                        InetSocketAddress initiator = (InetSocketAddress) key.attachment();
                        toInitiator.record(LoggedDatagram.Direction.SENT, initiator, bytes);
                        front.send(ByteBuffer.wrap(bytes), initiator);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed: the end
        } catch (IOException e) {
            throw new UncheckedIOException("relaying", e);
        }
    }

    private DatagramChannel upstream(InetSocketAddress initiator) throws IOException {
        DatagramChannel channel = upstreams.get(initiator);
        if (channel == null) {
            channel = open();
            channel.register(selector, SelectionKey.OP_READ, initiator);
            upstreams.put(initiator, channel);
        }
        return channel;
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
        return channel;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2_000);
            selector.close();
            front.close();
            for (DatagramChannel c : upstreams.values()) {
                c.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
