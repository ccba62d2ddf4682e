package org.sss.core.channel.cc;

/**
 * Paces packets (SPEC CHN-CC-4, RFC 9002 section 7.7) with a token bucket that fills at
 * {@code 1.25 · congestion window / smoothed_rtt} bytes per unit of time and holds at most a small
 * burst, {@value #DEFAULT_BURST_DATAGRAMS} maximum datagrams by default. It starts full. Sending
 * takes tokens, possibly into debt (probes and control packets are never held back), at most one
 * burst's worth. Primitive arithmetic only; times are the channel clock's nanoseconds. Not
 * thread-safe.
 */
public final class Pacer {
    /** The burst the bucket holds, in maximum datagrams. */
    public static final int DEFAULT_BURST_DATAGRAMS = 10;
    /** SPEC CHN-CC-4: the pacing rate is 1.25 times the window per smoothed RTT. */
    public static final double RATE_FACTOR = 1.25;

    private final double capacity;
    private double tokens;
    private long lastRefill;
    private boolean started;

    /** A pacer with a burst of {@value #DEFAULT_BURST_DATAGRAMS} datagrams of 1232 bytes. */
    public Pacer() {
        this((long) DEFAULT_BURST_DATAGRAMS * CongestionController.MAX_DATAGRAM_SIZE);
    }

    /**
     * A pacer with the given burst.
     *
     * @param burstBytes the most bytes sent back to back; at least one maximum datagram
     */
    public Pacer(long burstBytes) {
        if (burstBytes < CongestionController.MAX_DATAGRAM_SIZE) {
            throw new IllegalArgumentException("burstBytes must be at least " + CongestionController.MAX_DATAGRAM_SIZE
                    + ", got " + burstBytes);
        }
        this.capacity = burstBytes;
        this.tokens = burstBytes;
    }

    /** SPEC CHN-CC-4: the rate in bytes per nanosecond. */
    public static double rateBytesPerNano(long windowBytes, long smoothedRttNanos) {
        return RATE_FACTOR * windowBytes / Math.max(1, smoothedRttNanos);
    }

    /** Whether a packet of {@code bytes} may go at {@code nowNanos}. */
    public boolean canSend(long nowNanos, int bytes, long windowBytes, long smoothedRttNanos) {
        refill(nowNanos, windowBytes, smoothedRttNanos);
        return tokens >= Math.min(bytes, capacity);
    }

    /** When a packet of {@code bytes} may go: {@code nowNanos} if it may go now. */
    public long nextSendTimeNanos(long nowNanos, int bytes, long windowBytes, long smoothedRttNanos) {
        refill(nowNanos, windowBytes, smoothedRttNanos);
        double missing = Math.min(bytes, capacity) - tokens;
        if (missing <= 0) {
            return nowNanos;
        }
        double wait = Math.ceil(missing / rateBytesPerNano(windowBytes, smoothedRttNanos));
        return nowNanos + (long) Math.min(wait, (double) Long.MAX_VALUE / 4);
    }

    /** A packet of {@code bytes} was sent at {@code nowNanos}. */
    public void onPacketSent(long nowNanos, int bytes, long windowBytes, long smoothedRttNanos) {
        refill(nowNanos, windowBytes, smoothedRttNanos);
        tokens = Math.max(tokens - bytes, -capacity);
    }

    /** The tokens in the bucket, in bytes; negative while in debt. */
    public double tokens() {
        return tokens;
    }

    private void refill(long nowNanos, long windowBytes, long smoothedRttNanos) {
        if (!started) {
            started = true;
            lastRefill = nowNanos;
            return;
        }
        long elapsed = nowNanos - lastRefill;
        if (elapsed <= 0) {
            return;
        }
        lastRefill = nowNanos;
        tokens = Math.min(capacity, tokens + elapsed * rateBytesPerNano(windowBytes, smoothedRttNanos));
    }
}
