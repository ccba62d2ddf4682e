package org.sss.core.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A seedable impairment layer on loopback between one initiator and one responder, in the manner
 * of {@link LoopbackRelay}: the initiator sends to {@link #address()} (the front socket), the link
 * forwards from its back socket to the responder, and the responder's answers go back the same
 * way. Each direction loses, duplicates, reorders, delays and corrupts datagrams as its
 * {@link Impairment} says (DESIGN.md section 7: simulated impairments go through a seedable layer,
 * not mocks).
 *
 * <p>Every decision of a direction comes from one {@link ImpairedDecider} seeded from the link's
 * seed, so the decision sequence depends only on the seed and the sequence of datagrams; print the
 * seed (the test fixtures take it from {@link org.sss.core.testing.TestSeed}) to replay a run.
 *
 * <p>One thread serves both directions with a {@link Selector}; datagrams that must wait (delay,
 * jitter, reordering) are copied into pooled direct buffers and kept in a {@link PriorityQueue} by
 * release time, everything else is forwarded straight from the receive buffer. Nothing is
 * allocated per datagram beyond what the JDK's {@code receive} makes, and a read-only view when a
 * {@link DropRule} is set.
 *
 * <p>The link's own sockets ask for 4 MiB buffers. A datagram the link cannot hand to the kernel
 * within 2 ms counts as {@link Counters#failed()} and is discarded.
 */
final class ImpairedLink implements AutoCloseable {
    /** Largest datagram read whole. */
    private static final int RECEIVE_BUFFER = 65_535;
    /** Size of a pooled buffer; larger datagrams grow the buffer they land in. */
    private static final int SLOT_BUFFER = 2048;
    /** Datagrams read from one socket before the loop looks at the other and at due releases. */
    private static final int READ_BATCH = 128;
    /** Kernel buffers asked for on the link's sockets. */
    private static final int SOCKET_BUFFER = 4 << 20;
    /** How long a send may spin on a full socket buffer before the datagram is counted as failed. */
    private static final long SEND_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** Which way a datagram travels. */
    enum Direction {
        /** From the initiator towards the responder. */
        TO_RESPONDER,
        /** From the responder towards the initiator. */
        TO_INITIATOR
    }

    /**
     * A snapshot of one direction's counters.
     *
     * @param received datagrams the link read
     * @param forwarded datagrams sent on, once each (duplicates not counted here)
     * @param dropped datagrams lost by the impairment or the drop rule
     * @param duplicated extra copies sent
     * @param reordered datagrams held back behind later ones
     * @param corrupted datagrams with a flipped bit
     * @param failed datagrams that could not be sent (socket buffer full, no initiator known yet)
     * @param largest the longest datagram read, in bytes
     */
    record Counters(long received, long forwarded, long dropped, long duplicated, long reordered, long corrupted,
            long failed, int largest) {

        /** Datagrams that left the link in this direction, duplicates included. */
        long sent() {
            return forwarded + duplicated;
        }
    }

    /** Drops chosen datagrams whatever the impairment says; runs on the link's thread. */
    @FunctionalInterface
    interface DropRule {
        /**
         * Whether to drop a datagram.
         *
         * @param direction which way it goes
         * @param sequence its index among the datagrams read in that direction, from 0
         * @param payload a read-only view of its bytes, valid during the call
         */
        boolean drop(Direction direction, long sequence, ByteBuffer payload);
    }

    private final InetSocketAddress responder;
    private final StandardProtocolFamily family;
    private final DatagramChannel front;
    private final List<DatagramChannel> backs = new ArrayList<>();
    private final Selector selector;
    private final Thread thread;
    private final Map<Direction, Lane> lanes = new EnumMap<>(Direction.class);
    private final PriorityQueue<Slot> queue = new PriorityQueue<>(Slot::compareTo);
    private final ArrayDeque<Slot> freeSlots = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ImpairedDecider.Decision decision = new ImpairedDecider.Decision();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
    private volatile DatagramChannel back;
    private volatile DropRule dropRule;
    private volatile InetSocketAddress initiator;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long nextOrder;

    private ImpairedLink(InetSocketAddress responder, long seed, Impairment toResponder, Impairment toInitiator)
            throws IOException {
        this.responder = responder;
        this.family = responder.getAddress().getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        this.selector = Selector.open();
        this.front = openSocket();
        // the two directions draw from independent sequences derived from the one seed
        lanes.put(Direction.TO_RESPONDER, new Lane(Direction.TO_RESPONDER, seed, toResponder));
        lanes.put(Direction.TO_INITIATOR, new Lane(Direction.TO_INITIATOR, ~seed * 0x9E3779B97F4A7C15L, toInitiator));
        front.register(selector, SelectionKey.OP_READ, lanes.get(Direction.TO_RESPONDER));
        this.back = openBack();
        this.thread = new Thread(this::run, "impaired-link-" + front.getLocalAddress());
        thread.setDaemon(true);
    }

    /**
     * Starts a link in front of the responder at {@code responder}.
     *
     * @param seed the seed of both directions' decisions
     * @param toResponder the impairment of datagrams from the initiator
     * @param toInitiator the impairment of datagrams from the responder
     */
    static ImpairedLink start(InetSocketAddress responder, long seed, Impairment toResponder, Impairment toInitiator) {
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(toResponder, "toResponder");
        Objects.requireNonNull(toInitiator, "toInitiator");
        try {
            ImpairedLink link = new ImpairedLink(responder, seed, toResponder, toInitiator);
            link.thread.start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a link with the same impairment both ways. */
    static ImpairedLink start(InetSocketAddress responder, long seed, Impairment both) {
        return start(responder, seed, both, both);
    }

    /** Where the initiator should send: the link's front socket. */
    InetSocketAddress address() {
        return localAddress(front);
    }

    /** The address the responder sees the initiator at now: the link's current back socket. */
    InetSocketAddress backAddress() {
        return localAddress(back);
    }

    /** The impairment of one direction now. */
    Impairment impairment(Direction direction) {
        return lanes.get(direction).impairment;
    }

    /** Changes the impairment of one direction for datagrams read from now on. */
    void impairment(Direction direction, Impairment value) {
        lanes.get(direction).impairment = Objects.requireNonNull(value, "value");
    }

    /** Changes the impairment of both directions for datagrams read from now on. */
    void impairment(Impairment value) {
        impairment(Direction.TO_RESPONDER, value);
        impairment(Direction.TO_INITIATOR, value);
    }

    /**
     * Sets a rule that drops datagrams on top of the impairment, or removes it with null. The
     * rule is asked after the direction's random draws for the datagram, so it does not shift the
     * decision sequence.
     */
    void dropRule(DropRule rule) {
        this.dropRule = rule;
    }

    /** Drops every datagram, both ways, for {@code duration} from now. */
    void blackout(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        dropRule((direction, sequence, payload) -> System.nanoTime() - until < 0);
    }

    /** One direction's counters. */
    Counters counters(Direction direction) {
        return lanes.get(direction).snapshot();
    }

    /** Datagrams of one direction the link holds now (delayed or held back for reordering). */
    int pending(Direction direction) {
        return lanes.get(direction).pending;
    }

    /**
     * Moves the back socket to a new port, as a NAT that rebinds would: from now on the responder
     * sees the initiator's datagrams come from the returned address. The old back socket stays open
     * and still forwards what the responder sends to it.
     *
     * @return the new back address
     */
    InetSocketAddress rebind() {
        CompletableFuture<InetSocketAddress> done = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                back = openBack();
                done.complete(localAddress(back));
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return done.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the link did not rebind: " + e, e);
        }
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
            for (DatagramChannel socket : backs) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failure != null) {
            throw new AssertionError("the impaired link failed", failure);
        }
    }

    @Override
    public String toString() {
        return "ImpairedLink[" + address() + " -> " + responder + ", to responder "
                + impairment(Direction.TO_RESPONDER) + " " + counters(Direction.TO_RESPONDER) + ", to initiator "
                + impairment(Direction.TO_INITIATOR) + " " + counters(Direction.TO_INITIATOR) + "]";
    }

    // ------------------------------------------------------------------ the link's thread

    private void run() {
        try {
            while (running) {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                long now = System.nanoTime();
                releaseDue(now);
                long wakeup = nextWakeup();
                if (wakeup == Long.MAX_VALUE) {
                    selector.select(100);
                } else {
                    long waitNanos = wakeup - System.nanoTime();
                    if (waitNanos <= 0) {
                        selector.selectNow();
                    } else {
                        // round up: a datagram is never released early
                        selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isReadable()) {
                        readBatch((DatagramChannel) key.channel(), (Lane) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException | Error e) {
            if (running) {
                failure = e;
            }
        }
    }

    private void readBatch(DatagramChannel from, Lane lane) throws IOException {
        for (int i = 0; i < READ_BATCH; i++) {
            scratch.clear();
            InetSocketAddress source = (InetSocketAddress) from.receive(scratch);
            if (source == null) {
                return;
            }
            if (lane.direction == Direction.TO_RESPONDER) {
                initiator = source;
            }
            scratch.flip();
            onDatagram(lane);
        }
    }

    private void onDatagram(Lane lane) {
        Impairment impairment = lane.impairment;
        long sequence = lane.received;
        lane.received = sequence + 1;
        int length = scratch.remaining();
        if (length > lane.largest) {
            lane.largest = length;
        }
        lane.decider.decide(impairment, length, decision);
        DropRule rule = dropRule;
        if (decision.drop || rule != null && rule.drop(lane.direction, sequence, scratch.asReadOnlyBuffer())) {
            lane.dropped++;
            return;
        }
        if (decision.corruptBit >= 0) {
            int index = decision.corruptBit >>> 3;
            scratch.put(index, (byte) (scratch.get(index) ^ (0x80 >>> (decision.corruptBit & 7))));
            lane.corrupted++;
        }
        long now = System.nanoTime();
        if (!impairment.delays() && lane.queued == 0 && decision.reorderDistance == 0) {
            if (send(lane, scratch)) {
                lane.forwarded++;
                if (decision.duplicate) {
                    scratch.rewind();
                    if (send(lane, scratch)) {
                        lane.duplicated++;
                    }
                }
            }
            onLaterSent(lane, now);
            return;
        }
        Slot slot = obtain(length);
        slot.buffer.put(scratch).flip();
        slot.lane = lane;
        slot.order = nextOrder++;
        slot.duplicate = decision.duplicate;
        slot.reorderDistance = decision.reorderDistance;
        // jitter delays but never reorders: release times of one direction never decrease
        long release = now + impairment.delay().toNanos() + decision.jitterNanos;
        slot.release = release - lane.lastRelease >= 0 ? release : lane.lastRelease;
        lane.lastRelease = slot.release;
        slot.extraDelayNanos = impairment.reorderExtraDelay().toNanos();
        if (slot.release - now <= 0 && lane.queued == 0) {
            release(slot, now);
        } else {
            lane.queued++;
            queue.add(slot);
        }
        lane.updatePending();
    }

    /** Sends or holds back a datagram whose time has come. */
    private void release(Slot slot, long now) {
        Lane lane = slot.lane;
        if (slot.reorderDistance > 0) {
            slot.countdown = slot.reorderDistance;
            slot.deadline = now + slot.extraDelayNanos;
            lane.held.add(slot);
            lane.reordered++;
            lane.updatePending();
            return;
        }
        sendSlot(slot);
        onLaterSent(lane, now);
    }

    private void sendSlot(Slot slot) {
        Lane lane = slot.lane;
        if (send(lane, slot.buffer)) {
            lane.forwarded++;
            if (slot.duplicate) {
                slot.buffer.rewind();
                if (send(lane, slot.buffer)) {
                    lane.duplicated++;
                }
            }
        }
        recycle(slot);
    }

    /** A datagram that kept its place went out: held-back ones move one step closer to release. */
    private void onLaterSent(Lane lane, long now) {
        if (lane.held.isEmpty()) {
            return;
        }
        List<Slot> held = lane.held;
        for (int i = 0; i < held.size(); ) {
            Slot slot = held.get(i);
            if (--slot.countdown <= 0 || slot.deadline - now <= 0) {
                held.remove(i);
                sendSlot(slot);
            } else {
                i++;
            }
        }
        lane.updatePending();
    }

    private void releaseDue(long now) {
        while (!queue.isEmpty() && queue.peek().release - now <= 0) {
            Slot slot = queue.poll();
            Lane lane = slot.lane;
            lane.queued--;
            release(slot, now);
            lane.updatePending();
        }
        for (Lane lane : lanes.values()) {
            List<Slot> held = lane.held;
            for (int i = 0; i < held.size(); ) {
                Slot slot = held.get(i);
                if (slot.deadline - now <= 0) {
                    held.remove(i);
                    sendSlot(slot);
                } else {
                    i++;
                }
            }
            lane.updatePending();
        }
    }

    private long nextWakeup() {
        long next = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().release;
        for (Lane lane : lanes.values()) {
            for (Slot slot : lane.held) {
                if (next == Long.MAX_VALUE || slot.deadline - next < 0) {
                    next = slot.deadline;
                }
            }
        }
        return next;
    }

    /** Sends the buffer's remaining bytes towards the lane's recipient; false when it could not. */
    private boolean send(Lane lane, ByteBuffer datagram) {
        boolean toResponder = lane.direction == Direction.TO_RESPONDER;
        InetSocketAddress to = toResponder ? responder : initiator;
        if (to == null) {
            lane.failed++;
            return false;
        }
        DatagramChannel via = toResponder ? back : front;
        int position = datagram.position();
        try {
            long deadline = 0;
            while (true) {
                // a non-blocking send returns 0 when the socket buffer is momentarily full (or the datagram is empty)
                if (via.send(datagram, to) > 0 || datagram.remaining() == 0) {
                    return true;
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + SEND_PATIENCE_NANOS;
                } else if (now - deadline > 0) {
                    lane.failed++;
                    return false;
                }
                datagram.position(position);
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            // an ICMP error from a closed peer socket, for instance: the datagram is lost like on a network
            lane.failed++;
            return false;
        }
    }

    private Slot obtain(int length) {
        Slot slot = freeSlots.poll();
        if (slot == null) {
            slot = new Slot();
        }
        if (slot.buffer.capacity() < length) {
            slot.buffer = ByteBuffer.allocateDirect(length);
        }
        slot.buffer.clear();
        return slot;
    }

    private void recycle(Slot slot) {
        slot.lane = null;
        freeSlots.push(slot);
    }

    private DatagramChannel openSocket() throws IOException {
        DatagramChannel socket = DatagramChannel.open(family);
        socket.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        socket.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
        socket.bind(new InetSocketAddress(responder.getAddress(), 0));
        socket.configureBlocking(false);
        return socket;
    }

    private DatagramChannel openBack() throws IOException {
        DatagramChannel socket = openSocket();
        socket.register(selector, SelectionKey.OP_READ, lanes.get(Direction.TO_INITIATOR));
        backs.add(socket);
        return socket;
    }

    private static InetSocketAddress localAddress(DatagramChannel socket) {
        try {
            return (InetSocketAddress) socket.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One direction: its decisions, impairment, held-back datagrams and counters. */
    private static final class Lane {
        final Direction direction;
        final ImpairedDecider decider;
        final List<Slot> held = new ArrayList<>();
        volatile Impairment impairment;
        /** Datagrams of this lane in the delay queue; link thread only. */
        int queued;
        long lastRelease;
        // counters: written by the link's thread only, read by tests
        volatile long received;
        volatile long forwarded;
        volatile long dropped;
        volatile long duplicated;
        volatile long reordered;
        volatile long corrupted;
        volatile long failed;
        volatile int pending;
        volatile int largest;

        Lane(Direction direction, long seed, Impairment impairment) {
            this.direction = direction;
            this.decider = new ImpairedDecider(seed);
            this.impairment = impairment;
            this.lastRelease = System.nanoTime();
        }

        void updatePending() {
            pending = queued + held.size();
        }

        Counters snapshot() {
            return new Counters(received, forwarded, dropped, duplicated, reordered, corrupted, failed, largest);
        }
    }

    /** A datagram waiting in the link, with its pooled buffer. */
    private static final class Slot implements Comparable<Slot> {
        ByteBuffer buffer = ByteBuffer.allocateDirect(SLOT_BUFFER);
        Lane lane;
        long release;
        long order;
        boolean duplicate;
        int reorderDistance;
        long extraDelayNanos;
        int countdown;
        long deadline;

        @Override
        public int compareTo(Slot other) {
            int byTime = Long.compare(release - other.release, 0);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
