package org.sss.tools.relay;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A UDP relay on loopback between initiators and one responder: an initiator sends to {@link #address()},
 * and the relay forwards each initiator's datagrams through an upstream socket of its own, so that the
 * responder sees one stable peer address per initiator (the cookie binds it, SPEC.md CRY-COOKIE-4).
 * Every datagram passes a {@link DatagramHook} first, which may drop it.
 */
public final class UdpRelay implements AutoCloseable {
    private final InetSocketAddress responder;
    private final DatagramHook hook;
    private final DatagramChannel front;
    private final Selector selector;
    private final Map<InetSocketAddress, DatagramChannel> upstreams = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts relaying on a daemon thread.
     *
     * @param responder where to forward
     * @param hook sees each datagram and decides whether it is forwarded
     * @param threadName the name of the relay's thread
     */
    public UdpRelay(InetSocketAddress responder, DatagramHook hook, String threadName) throws IOException {
        this.responder = responder;
        this.hook = hook;
        this.front = open();
        this.selector = Selector.open();
        front.register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Where initiators are to send. */
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
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
                        if (hook.forward(DatagramHook.Direction.TO_RESPONDER, initiator, bytes)) {
                            upstream(initiator).send(ByteBuffer.wrap(bytes), responder);
                        }
                    } else {
                        InetSocketAddress initiator = (InetSocketAddress) key.attachment();
                        if (hook.forward(DatagramHook.Direction.TO_INITIATOR, initiator, bytes)) {
                            front.send(ByteBuffer.wrap(bytes), initiator);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed: the end
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException("relaying", e);
            }
            // a socket closed while stopping: nothing more to relay
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

    /** Stops the thread (waiting up to two seconds) and closes every socket. */
    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        selector.close();
        front.close();
        for (DatagramChannel c : upstreams.values()) {
            c.close();
        }
    }
}
