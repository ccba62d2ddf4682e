package org.sss.tools.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on loopback between initiators and one responder that drops a seeded share of the
 * datagrams in each direction: the initiator sends to {@link #address()}, and the relay forwards each
 * initiator's datagrams through an upstream socket of its own, so that the responder sees one stable
 * peer address per initiator (the cookie binds it, CRY-COOKIE-4). Which datagrams are dropped depends
 * only on the seed and the order datagrams arrive in.
 */
final class ImpairingRelay implements AutoCloseable {
    private final InetSocketAddress responder;
    private final double lossRate;
    private final Random toResponderLoss;
    private final Random toInitiatorLoss;
    private final DatagramChannel front;
    private final Selector selector;
    private final Map<InetSocketAddress, DatagramChannel> upstreams = new LinkedHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts relaying.
     *
     * @param responder where to forward
     * @param lossPercent the share of datagrams dropped in each direction, 0 to 100
     * @param seed the seed of the drop decisions
     */
    ImpairingRelay(InetSocketAddress responder, double lossPercent, long seed) throws IOException {
        this.responder = responder;
        this.lossRate = lossPercent / 100;
        this.toResponderLoss = new Random(seed);
        this.toInitiatorLoss = new Random(~seed);
        this.front = open();
        this.selector = Selector.open();
        front.register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::loop, "sss-capture-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where initiators are to send. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
    }

    /** How many datagrams were dropped on purpose. */
    long dropped() {
        return dropped.get();
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
                    if (channel == front) {
                        if (!drop(toResponderLoss)) {
                            upstream((InetSocketAddress) from).send(buffer, responder);
                        }
                    } else if (!drop(toInitiatorLoss)) {
                        front.send(buffer, (InetSocketAddress) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed: the end
        } catch (IOException e) {
            // a closed socket while stopping; nothing more to relay
        }
    }

    private boolean drop(Random random) {
        if (lossRate > 0 && random.nextDouble() < lossRate) {
            dropped.incrementAndGet();
            return true;
        }
        return false;
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
            // closing loopback sockets: nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
