package org.sss.core.channel.cc;

/**
 * A read-only view of the channel's RTT estimate (RFC 9002 section 5), as the congestion
 * controllers need it. Times are in nanoseconds.
 */
public interface RttView {
    /** The smoothed RTT; the initial RTT before the first sample. */
    long smoothedRttNanos();

    /** The most recent sample; 0 before the first one. */
    long latestRttNanos();

    /** The smallest sample seen; 0 before the first one. */
    long minRttNanos();

    /** Whether any sample has been taken. */
    boolean hasRttSamples();

    /** A fixed estimate, for tests and simulations. */
    static RttView fixed(long smoothedNanos, long latestNanos, long minNanos) {
        return new RttView() {
            @Override
            public long smoothedRttNanos() {
                return smoothedNanos;
            }

            @Override
            public long latestRttNanos() {
                return latestNanos;
            }

            @Override
            public long minRttNanos() {
                return minNanos;
            }

            @Override
            public boolean hasRttSamples() {
                return true;
            }
        };
    }
}
