package org.sss.core.channel.cc;

/**
 * What the window-based controllers share (RFC 9002 section 7 and appendix B.5 to B.8): bytes in
 * flight, the recovery period, the once-per-period reduction, persistent congestion, and the test
 * that the window is being used before it grows.
 *
 * <p>RFC 9002 section 7.8 says the window SHOULD NOT grow while it is underused. Here a window is
 * used when, after the most recent send, half of it was in flight during slow start (as Linux's
 * {@code tcp_is_cwnd_limited}) or all but three datagrams of it in congestion avoidance.
 */
abstract class WindowedController implements CongestionController {
    /** Datagrams short of a full window that still count as using it in congestion avoidance. */
    private static final int LIMITED_SLACK_DATAGRAMS = 3;

    long window = INITIAL_WINDOW;
    long slowStartThreshold = Long.MAX_VALUE;
    long bytesInFlight;
    private boolean recovering;
    private long recoveryStart;
    private boolean windowLimited;

    @Override
    public final long window() {
        return window;
    }

    @Override
    public final long slowStartThreshold() {
        return slowStartThreshold;
    }

    @Override
    public final long bytesInFlight() {
        return bytesInFlight;
    }

    /** Whether the window was used after the most recent send (RFC 9002 section 7.8). */
    public final boolean windowLimited() {
        return windowLimited;
    }

    @Override
    public final void onPacketSent(long sentTimeNanos, int bytes) {
        bytesInFlight += bytes;
        windowLimited = window < slowStartThreshold
                ? 2 * bytesInFlight >= window
                : bytesInFlight + (long) LIMITED_SLACK_DATAGRAMS * MAX_DATAGRAM_SIZE >= window;
    }

    @Override
    public final void onPacketAcked(long sentTimeNanos, int bytes, long nowNanos, RttView rtt) {
        leaveFlight(bytes);
        // RFC 9002 7.3.2: packets sent before the recovery period began do not grow the window
        if (inRecovery(sentTimeNanos)) {
            return;
        }
        onAck(sentTimeNanos, bytes, nowNanos, rtt, windowLimited);
    }

    @Override
    public final void onPacketLost(long sentTimeNanos, int bytes) {
        leaveFlight(bytes);
    }

    @Override
    public final void onPacketDiscarded(int bytes) {
        leaveFlight(bytes);
    }

    @Override
    public final void onCongestionEvent(long largestLostSentTimeNanos, long nowNanos) {
        // RFC 9002 7.3.2: at most one reduction per recovery period
        if (inRecovery(largestLostSentTimeNanos)) {
            return;
        }
        recovering = true;
        recoveryStart = nowNanos;
        reduce(nowNanos);
        // SPEC CHN-CC-2: never below the minimum window
        window = Math.max(window, MINIMUM_WINDOW);
    }

    @Override
    public final void onPersistentCongestion(long nowNanos) {
        // RFC 9002 7.6.2: the window collapses to the minimum and the recovery period ends
        window = MINIMUM_WINDOW;
        recovering = false;
        onCollapse(nowNanos);
    }

    /** Whether a packet sent at {@code sentTimeNanos} was sent before the current recovery period began. */
    final boolean inRecovery(long sentTimeNanos) {
        return recovering && sentTimeNanos - recoveryStart <= 0;
    }

    private void leaveFlight(int bytes) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
    }

    /**
     * A packet outside any recovery period was acknowledged; {@link #bytesInFlight} no longer counts it.
     *
     * @param windowLimited whether the window was used after the most recent send
     */
    abstract void onAck(long sentTimeNanos, int bytes, long nowNanos, RttView rtt, boolean windowLimited);

    /** The reduction of a congestion event; the caller then raises the window to the minimum. */
    abstract void reduce(long nowNanos);

    /** Persistent congestion set the window to the minimum; reset what depends on it. */
    abstract void onCollapse(long nowNanos);

    @Override
    public String toString() {
        return name() + "[window=" + window + ", ssthresh=" + (slowStartThreshold == Long.MAX_VALUE ? "none"
                : Long.toString(slowStartThreshold)) + ", inFlight=" + bytesInFlight + "]";
    }
}
