package org.sss.core.channel.cc;

/**
 * The congestion controller of one channel, local to the sender (SPEC.md section 6.6): it owns the
 * congestion window and the count of bytes in flight, and the channel tells it what happened to
 * each packet that counts in flight (CHN-CC-3: packets with an ack-eliciting or a PADDING frame).
 *
 * <p>The calls follow RFC 9002 appendix B: {@link #onPacketSent} for every packet counted in
 * flight; after an ACK, first the losses it reveals ({@link #onPacketLost} for each, then one
 * {@link #onCongestionEvent} with the largest lost packet's send time, and
 * {@link #onPersistentCongestion} if the losses span the persistent-congestion period), then
 * {@link #onPacketAcked} for each newly acknowledged packet. Times are the channel clock's
 * nanoseconds. Implementations allocate nothing per call. Not thread-safe.
 */
public interface CongestionController {
    /** SPEC CHN-CC-1: the maximum datagram size, 1232 bytes. */
    int MAX_DATAGRAM_SIZE = 1232;
    /** SPEC CHN-CC-1: the initial window, min(10 · 1232, max(2 · 1232, 14720)) = 12320 bytes. */
    long INITIAL_WINDOW = Math.min(10L * MAX_DATAGRAM_SIZE, Math.max(2L * MAX_DATAGRAM_SIZE, 14_720));
    /** SPEC CHN-CC-1: the minimum window, 2 · 1232 = 2464 bytes. */
    long MINIMUM_WINDOW = 2L * MAX_DATAGRAM_SIZE;
    /** SPEC CHN-CC-1: NewReno's loss reduction factor. */
    double LOSS_REDUCTION_FACTOR = 0.5;
    /** SPEC CHN-CC-1: the persistent-congestion threshold, in probe timeouts. */
    int PERSISTENT_CONGESTION_THRESHOLD = 3;

    /** The algorithm's name, as statistics show it ("cubic", "newreno", "ledbat"). */
    String name();

    /** The congestion window in bytes; never below {@link #MINIMUM_WINDOW}. */
    long window();

    /** The slow-start threshold in bytes; {@link Long#MAX_VALUE} until the first congestion event. */
    long slowStartThreshold();

    /** The bytes of the packets counted in flight and neither acknowledged nor lost. */
    long bytesInFlight();

    /** Whether the window is still in slow start. */
    default boolean inSlowStart() {
        return window() < slowStartThreshold();
    }

    /** A packet counted in flight was sent. */
    void onPacketSent(long sentTimeNanos, int bytes);

    /**
     * A packet counted in flight was newly acknowledged.
     *
     * @param sentTimeNanos when it was sent
     * @param bytes its size
     * @param nowNanos when the ACK arrived
     * @param rtt the RTT estimate, already updated with this ACK's sample
     */
    void onPacketAcked(long sentTimeNanos, int bytes, long nowNanos, RttView rtt);

    /** A packet counted in flight was declared lost: it leaves the flight (the reduction comes with {@link #onCongestionEvent}). */
    void onPacketLost(long sentTimeNanos, int bytes);

    /**
     * A packet counted in flight was forgotten without being acknowledged or declared lost (the
     * sender's log overflowed): it leaves the flight, and says nothing about congestion.
     */
    void onPacketDiscarded(int bytes);

    /**
     * The losses of one detection pass: reduce the window unless the newest of them was sent
     * during the current recovery period (RFC 9002 section 7.3.2).
     *
     * @param largestLostSentTimeNanos when the newest lost packet was sent
     * @param nowNanos the current time, which starts the recovery period
     */
    void onCongestionEvent(long largestLostSentTimeNanos, long nowNanos);

    /** Persistent congestion (RFC 9002 section 7.6): the window collapses to the minimum. */
    void onPersistentCongestion(long nowNanos);
}
