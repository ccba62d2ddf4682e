package org.sss.core.channel.cc;

/**
 * NewReno as RFC 9002 section 7 specifies it, with the constants of CHN-CC-1: slow start adds
 * each acknowledged packet's bytes, congestion avoidance adds one maximum datagram per window
 * acknowledged, a congestion event halves the window (never below 2464 bytes) once per recovery
 * period, and persistent congestion collapses it to the minimum.
 */
public final class NewReno extends WindowedController {
    /** Bytes acknowledged in congestion avoidance since the window last grew. */
    private long ackedSinceIncrease;

    /** A controller at the initial window of 12320 bytes. */
    public NewReno() {
    }

    @Override
    public String name() {
        return "newreno";
    }

    @Override
    void onAck(long sentTimeNanos, int bytes, long nowNanos, RttView rtt, boolean windowLimited) {
        if (!windowLimited) {
            // RFC 9002 7.8: an underused window does not grow
            return;
        }
        if (window < slowStartThreshold) {
            // RFC 9002 7.3.1: slow start grows the window by the bytes acknowledged
            window += bytes;
            return;
        }
        // RFC 9002 7.3.3: one maximum datagram size per congestion window acknowledged (the
        // pseudocode's max_datagram_size * sent_bytes / cwnd, without losing the fractions)
        ackedSinceIncrease += bytes;
        if (ackedSinceIncrease >= window) {
            ackedSinceIncrease -= window;
            window += MAX_DATAGRAM_SIZE;
        }
    }

    @Override
    void reduce(long nowNanos) {
        // SPEC CHN-CC-1: ssthresh = cwnd · 0.5, cwnd = max(ssthresh, kMinimumWindow) (RFC 9002 B.6)
        slowStartThreshold = (long) (window * LOSS_REDUCTION_FACTOR);
        window = Math.max(slowStartThreshold, MINIMUM_WINDOW);
        ackedSinceIncrease = 0;
    }

    @Override
    void onCollapse(long nowNanos) {
        ackedSinceIncrease = 0;
    }
}
