package org.sss.core.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.sss.core.wire.PacketType;

/**
 * A UDP relay on loopback between one initiator host and one responder host, made of two plain
 * {@link DatagramChannel}s: the initiator sends to {@link #address()} (the front socket), the relay
 * forwards from its back socket to the responder, and answers go the other way. Every datagram is
 * recorded; a {@link Rule} decides for each whether it is forwarded, dropped or held; captured
 * datagrams can be replayed and arbitrary ones injected, always from the socket that faces the
 * recipient, so that the recipient sees the same source address as for relayed traffic.
 *
 * <p>The responder sees the back socket as the initiator's address, so cookies are bound to it
 * and a replayed INITIATE comes from the address its cookie was made for.
 */
final class LoopbackRelay implements AutoCloseable {
    /** Largest datagram the relay reads whole; anything larger would be truncated and is a test error. */
    private static final int BUFFER = 65_535;

    /** Which way a datagram travels. */
    enum Direction {
        /** From the initiator towards the responder. */
        TO_RESPONDER,
        /** From the responder towards the initiator. */
        TO_INITIATOR
    }

    /** What the relay does with a datagram. */
    enum Verdict {
        /** Pass it on at once. */
        FORWARD,
        /** Discard it. */
        DROP,
        /** Keep it in {@link #held()} until {@link #release} forwards it. */
        HOLD
    }

    /** Decides each datagram's fate; runs on the relay's thread. */
    @FunctionalInterface
    interface Rule {
        Verdict decide(Captured datagram);
    }

    /**
     * One datagram the relay saw.
     *
     * @param index its position in {@link #captured()}
     * @param direction which way it went
     * @param bytes the UDP payload
     * @param atNanos when the relay read it ({@link System#nanoTime()})
     * @param injected whether the test sent it through {@link #inject} or {@link #replay}
     */
    record Captured(int index, Direction direction, byte[] bytes, long atNanos, boolean injected) {

        /** The packet kind its magic names, or null. */
        PacketType type() {
            if (bytes.length < PacketType.MAGIC_LENGTH) {
                return null;
            }
            long magic = 0;
            for (int i = 0; i < PacketType.MAGIC_LENGTH; i++) {
                magic = (magic << 8) | (bytes[i] & 0xFF);
            }
            return PacketType.fromMagic(magic);
        }

        /** The 32 bytes at offset 8: the sender's short-term key of HELLO, INITIATE and MESSAGE. */
        byte[] shortTermKey() {
            return Arrays.copyOfRange(bytes, PacketType.MAGIC_LENGTH, PacketType.MAGIC_LENGTH + 32);
        }

        /** A copy of the payload. */
        byte[] copy() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "#" + index + " " + direction + " " + type() + " " + bytes.length + " bytes"
                    + (injected ? " (injected)" : "");
        }
    }

    private final DatagramChannel front;
    private final DatagramChannel back;
    private final InetSocketAddress responder;
    private final Selector selector;
    private final Thread thread;
    private final List<Captured> captured = new ArrayList<>();
    private final List<Captured> held = new ArrayList<>();
    private volatile Rule rule = datagram -> Verdict.FORWARD;
    private volatile InetSocketAddress initiator;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private LoopbackRelay(InetSocketAddress responder) throws IOException {
        this.responder = responder;
        StandardProtocolFamily family = responder.getAddress().getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        this.front = DatagramChannel.open(family).bind(new InetSocketAddress(responder.getAddress(), 0));
        this.back = DatagramChannel.open(family).bind(new InetSocketAddress(responder.getAddress(), 0));
        front.configureBlocking(false);
        back.configureBlocking(false);
        this.selector = Selector.open();
        front.register(selector, SelectionKey.OP_READ, Direction.TO_RESPONDER);
        back.register(selector, SelectionKey.OP_READ, Direction.TO_INITIATOR);
        this.thread = new Thread(this::run, "loopback-relay-" + front.getLocalAddress());
        thread.setDaemon(true);
    }

    /** Starts a relay in front of the responder at {@code responder}. */
    static LoopbackRelay start(InetSocketAddress responder) {
        try {
            LoopbackRelay relay = new LoopbackRelay(Objects.requireNonNull(responder, "responder"));
            relay.thread.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the initiator should connect: the relay's front socket. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) front.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address the responder sees the initiator at: the relay's back socket. */
    InetSocketAddress backAddress() {
        try {
            return (InetSocketAddress) back.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the rule for datagrams read from now on. */
    void rule(Rule value) {
        this.rule = Objects.requireNonNull(value, "value");
    }

    /** Everything seen so far, relayed and injected, in order. */
    List<Captured> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /** The datagrams seen so far that went {@code direction} and carry {@code type}'s magic. */
    List<Captured> captured(Direction direction, PacketType type) {
        return captured(d -> d.direction() == direction && d.type() == type);
    }

    /** The datagrams seen so far that match. */
    List<Captured> captured(Predicate<Captured> filter) {
        return captured().stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} datagrams went {@code direction} with {@code type}'s magic. */
    List<Captured> awaitCaptured(Direction direction, PacketType type, int count) {
        return Await.until(count + " " + type + " " + direction, () -> captured(direction, type),
                list -> list.size() >= count);
    }

    /** The datagrams held by the rule and not yet released. */
    List<Captured> held() {
        synchronized (held) {
            return List.copyOf(held);
        }
    }

    /** Forwards a held datagram now. */
    void release(Captured datagram) {
        synchronized (held) {
            if (!held.remove(datagram)) {
                throw new IllegalArgumentException("datagram: not held: " + datagram);
            }
        }
        forward(datagram.direction(), datagram.bytes());
    }

    /** Sends a captured datagram again, in its direction, from the relay's socket facing the recipient. */
    Captured replay(Captured datagram) {
        return inject(datagram.direction(), datagram.bytes());
    }

    /** Sends {@code bytes} in {@code direction} from the relay's socket facing the recipient, recording it. */
    Captured inject(Direction direction, byte[] bytes) {
        Captured record = record(direction, bytes.clone(), true);
        forward(direction, record.bytes());
        return record;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            front.close();
            back.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failure != null) {
            throw new AssertionError("the relay failed", failure);
        }
    }

    /** Whether the relay's thread has ended. */
    boolean isStopped() {
        return !thread.isAlive();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Direction direction = (Direction) key.attachment();
                    DatagramChannel from = direction == Direction.TO_RESPONDER ? front : back;
                    while (true) {
                        buffer.clear();
                        InetSocketAddress source = (InetSocketAddress) from.receive(buffer);
                        if (source == null) {
                            break;
                        }
                        if (direction == Direction.TO_RESPONDER) {
                            initiator = source;
                        }
                        buffer.flip();
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        Captured record = record(direction, bytes, false);
                        switch (rule.decide(record)) {
                            case FORWARD -> forward(direction, bytes);
                            case HOLD -> {
                                synchronized (held) {
                                    held.add(record);
                                }
                            }
                            case DROP -> {
                            }
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private Captured record(Direction direction, byte[] bytes, boolean injected) {
        synchronized (captured) {
            Captured record = new Captured(captured.size(), direction, bytes, System.nanoTime(), injected);
            captured.add(record);
            return record;
        }
    }

    private void forward(Direction direction, byte[] bytes) {
        try {
            DatagramChannel via = direction == Direction.TO_RESPONDER ? back : front;
            InetSocketAddress to = direction == Direction.TO_RESPONDER ? responder : initiator;
            if (to == null) {
                throw new IllegalStateException("no initiator has sent through the relay yet");
            }
            // a non-blocking send returns 0 when the socket buffer is momentarily full (or the datagram is empty)
            for (int attempt = 0; via.send(ByteBuffer.wrap(bytes), to) == 0 && bytes.length > 0; attempt++) {
                if (attempt == 1000) {
                    throw new IOException("the socket buffer stayed full; datagram to " + to + " not sent");
                }
                Thread.sleep(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}
