package org.sss.conformance.peer.impair;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Applies one direction's {@link Impairment} to datagrams: {@link #decide} draws a fixed number of
 * values from the direction's own {@link Random} per datagram, so that datagram k always gets the
 * same decision for the same seed whatever happened in the other direction or in between;
 * {@link #offer} also queues the copies to deliver, which {@link #poll} hands out once they are due.
 * Not thread-safe: the tester peer runs it from its one scenario thread.
 *
 * @param <T> what the caller attaches to each datagram (where it came from, for instance)
 */
public final class ImpairmentEngine<T> {
    private final Impairment impairment;
    private final Random random;
    private final double enterBurst;
    private final double leaveBurst;
    private final PriorityQueue<Delivery<T>> queue = new PriorityQueue<>(
            Comparator.<Delivery<T>>comparingLong(Delivery::dueNanos).thenComparingLong(Delivery::sequence));
    private boolean inBurst;
    private long index;
    private long sequence;

    /**
     * One copy of a datagram ready to go.
     *
     * @param bytes what goes over the simulated link (corrupted when the decision says so)
     * @param context what the caller attached to the datagram
     * @param decision the decision of the datagram it copies
     * @param copy 0 for the first copy, 1 for the duplicate
     * @param dueNanos when it is delivered ({@link System#nanoTime()} scale)
     * @param sequence the order of queueing, which breaks ties
     * @param <T> the caller's attachment
     */
    public record Delivery<T>(byte[] bytes, T context, ImpairmentDecision decision, int copy, long dueNanos,
            long sequence) {
        /** Whether this copy differs from what was offered: a duplicate or a corrupted copy. */
        public boolean altered() {
            return copy > 0 || decision.corruptedBit() >= 0;
        }
    }

    /**
     * @param impairment what to do
     * @param seed the direction's seed
     */
    public ImpairmentEngine(Impairment impairment, long seed) {
        this.impairment = impairment;
        this.random = new Random(seed);
        if (impairment.burst() == 1) { // independent losses: every datagram is lost with probability loss
            this.leaveBurst = 1 - impairment.loss();
            this.enterBurst = impairment.loss();
        } else { // Gilbert model: stationary loss = enter / (enter + leave), mean run = 1 / leave
            this.leaveBurst = 1 / impairment.burst();
            this.enterBurst = impairment.loss() * leaveBurst / (1 - impairment.loss());
        }
    }

    /** The impairment this engine applies. */
    public Impairment impairment() {
        return impairment;
    }

    /** Decides the fate of the next datagram of {@code length} bytes without queueing anything. */
    public ImpairmentDecision decide(int length) {
        double uLoss = random.nextDouble();
        double uDup = random.nextDouble();
        double uReorder = random.nextDouble();
        double uCorrupt = random.nextDouble();
        long bitDraw = random.nextLong();
        boolean lost = inBurst;
        inBurst = inBurst ? uLoss >= leaveBurst : uLoss < enterBurst;
        long n = index++;
        if (lost) {
            return new ImpairmentDecision(n, true, false, false, -1, 0);
        }
        boolean dup = uDup < impairment.duplicate();
        boolean reorder = uReorder < impairment.reorder();
        long bit = uCorrupt < impairment.corrupt() && length > 0 ? Math.floorMod(bitDraw, 8L * length) : -1;
        long delay = impairment.delay().toNanos() + (reorder ? impairment.hold().toNanos() : 0);
        return new ImpairmentDecision(n, false, dup, reorder, bit, delay);
    }

    /** Decides the fate of {@code datagram}, offered at {@code nowNanos}, and queues its copies with {@code context}. */
    public ImpairmentDecision offer(byte[] datagram, T context, long nowNanos) {
        ImpairmentDecision d = decide(datagram.length);
        if (d.lost()) {
            return d;
        }
        byte[] bytes = datagram.clone();
        if (d.corruptedBit() >= 0) {
            bytes[(int) (d.corruptedBit() / 8)] ^= (byte) (0x80 >>> (int) (d.corruptedBit() % 8));
        }
        long due = nowNanos + d.delayNanos();
        queue.add(new Delivery<>(bytes, context, d, 0, due, sequence++));
        if (d.duplicated()) {
            queue.add(new Delivery<>(bytes, context, d, 1, due, sequence++));
        }
        return d;
    }

    /** The next copy due at {@code nowNanos}, or null. */
    public Delivery<T> poll(long nowNanos) {
        Delivery<T> next = queue.peek();
        if (next == null || next.dueNanos() - nowNanos > 0) {
            return null;
        }
        return queue.poll();
    }

    /** Whether copies are waiting. */
    public boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** When the next queued copy is due; only meaningful when {@link #hasQueued()}. */
    public long nextDueNanos() {
        Delivery<T> next = queue.peek();
        if (next == null) {
            throw new IllegalStateException("nothing is queued");
        }
        return next.dueNanos();
    }
}
