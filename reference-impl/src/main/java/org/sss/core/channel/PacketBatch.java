package org.sss.core.channel;

import java.util.Arrays;

/**
 * A reusable list of sent packets, as parallel primitive arrays: what one ACK newly acknowledged,
 * what one loss-detection pass declared lost, or what the sent log forgot. Filled by
 * {@link SentPacketLog}, emptied by the channel; it grows and never shrinks, so that a steady
 * flow allocates nothing. Not thread-safe.
 */
final class PacketBatch {
    private long[] numbers = new long[16];
    private long[] sentAt = new long[16];
    private int[] sizes = new int[16];
    private byte[] flags = new byte[16];
    private int count;
    /** Set by a loss-detection pass: the lost packets span the persistent-congestion period. */
    boolean persistentCongestion;

    void add(long number, long sentAtNanos, int size, byte flag) {
        if (count == numbers.length) {
            int capacity = count * 2;
            numbers = Arrays.copyOf(numbers, capacity);
            sentAt = Arrays.copyOf(sentAt, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        numbers[count] = number;
        sentAt[count] = sentAtNanos;
        sizes[count] = size;
        flags[count] = flag;
        count++;
    }

    void clear() {
        count = 0;
        persistentCongestion = false;
    }

    int count() {
        return count;
    }

    long number(int i) {
        return numbers[i];
    }

    long sentAt(int i) {
        return sentAt[i];
    }

    int size(int i) {
        return sizes[i];
    }

    /** Whether packet {@code i} counted in bytes in flight (CHN-CC-3). */
    boolean inFlight(int i) {
        return (flags[i] & SentPacketLog.IN_FLIGHT) != 0;
    }

    /** Whether packet {@code i} was sent through {@link Channel#send} and is reported to the listener. */
    boolean reportable(int i) {
        return (flags[i] & SentPacketLog.REPORTABLE) != 0;
    }

    /** Whether packet {@code i} held an ack-eliciting frame. */
    boolean ackEliciting(int i) {
        return (flags[i] & SentPacketLog.ACK_ELICITING) != 0;
    }
}
