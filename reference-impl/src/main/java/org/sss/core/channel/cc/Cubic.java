package org.sss.core.channel.cc;

/**
 * CUBIC as RFC 9438 specifies it, with NewReno's initial and minimum windows (CHN-CC-2): standard
 * slow start (section 4.10), the window function {@code W_cubic(t) = C · (t − K)³ + W_max} in
 * congestion avoidance (section 4.2), the Reno-friendly estimate {@code W_est} (section 4.3),
 * multiplicative decrease by β = 0.7 (section 4.6) with fast convergence (section 4.7), and the
 * collapse to the minimum window on persistent congestion (section 4.8). The reference
 * implementation's default.
 *
 * <p>Windows are counted in bytes, converted to segments of 1232 bytes where the RFC's formulas use
 * segments; time in the formulas is in seconds. Periods in which the window was underused do not
 * advance {@code t} (RFC 9438 section 5.8).
 */
public final class Cubic extends WindowedController {
    /** RFC 9438 section 4.2: C = 0.4 (segments per second cubed). */
    public static final double C = 0.4;
    /** RFC 9438 section 4.6: β_cubic = 0.7. */
    public static final double BETA = 0.7;
    /** RFC 9438 section 4.3: α_cubic = 3 · (1 − β) / (1 + β). */
    public static final double ALPHA = 3 * (1 - BETA) / (1 + BETA);
    private static final double NANOS_PER_SECOND = 1e9;

    /** W_max in bytes: the window just before the last reduction (after fast convergence). */
    private double maxWindow;
    /** K in seconds: the time the window function takes to return to W_max. */
    private double k;
    /** The window just before the last reduction, for the Reno-friendly α (section 4.3). */
    private double priorWindow;
    /** W_est in bytes. */
    private double renoEstimate;
    private boolean epochStarted;
    private long epochStart;
    private boolean anyAck;
    private long lastAckAt;
    /** The fraction of a byte the window function added and the long window could not hold. */
    private double carry;

    /** A controller at the initial window of 12320 bytes. */
    public Cubic() {
    }

    @Override
    public String name() {
        return "cubic";
    }

    /** W_max in bytes; 0 before the first congestion event. */
    public double maxWindow() {
        return maxWindow;
    }

    /** K in seconds for the current congestion-avoidance epoch; 0 before one starts. */
    public double k() {
        return k;
    }

    /** The window function W_cubic(t) of RFC 9438 section 4.2, in bytes, for the current epoch. */
    public double windowAt(double seconds) {
        double d = seconds - k;
        return C * d * d * d * MAX_DATAGRAM_SIZE + maxWindow;
    }

    @Override
    void onAck(long sentTimeNanos, int bytes, long nowNanos, RttView rtt, boolean windowLimited) {
        long sinceLastAck = anyAck ? nowNanos - lastAckAt : 0;
        anyAck = true;
        lastAckAt = nowNanos;
        if (!windowLimited) {
            // RFC 9002 7.8: an underused window does not grow; RFC 9438 5.8: nor does that time count in t
            if (epochStarted && sinceLastAck > 0) {
                epochStart += sinceLastAck;
            }
            return;
        }
        if (window < slowStartThreshold) {
            // RFC 9438 4.10: standard slow start
            window += bytes;
            return;
        }
        if (!epochStarted) {
            startEpoch(nowNanos);
        }
        double t = (nowNanos - epochStart) / NANOS_PER_SECOND;
        double rttSeconds = rtt.smoothedRttNanos() / NANOS_PER_SECOND;
        // RFC 9438 4.3: W_est grows by α_cubic segments per window acknowledged, α = 1 once it reaches cwnd_prior
        double alpha = renoEstimate >= priorWindow ? 1.0 : ALPHA;
        renoEstimate += alpha * bytes * MAX_DATAGRAM_SIZE / (double) window;
        double cubicNow = windowAt(t);
        if (cubicNow < renoEstimate) {
            // RFC 9438 4.3: the Reno-friendly region
            if (renoEstimate > window) {
                window = (long) renoEstimate;
                carry = 0;
            }
            return;
        }
        // RFC 9438 4.4, 4.5: target = W_cubic(t + RTT), clamped to [cwnd, 1.5 · cwnd]
        double target = Math.min(Math.max(windowAt(t + rttSeconds), window), 1.5 * window);
        // RFC 9438 4.4: cwnd += (target − cwnd) / cwnd per segment acknowledged
        double increase = (target - window) * bytes / window + carry;
        long whole = (long) increase;
        carry = increase - whole;
        window += whole;
    }

    private void startEpoch(long nowNanos) {
        epochStarted = true;
        epochStart = nowNanos;
        carry = 0;
        if (maxWindow <= window) {
            // no reduction yet, or the window already passed W_max: the plateau is here
            maxWindow = window;
            k = 0;
        } else {
            // RFC 9438 4.2, eq. 2: K = cbrt((W_max − cwnd_epoch) / C), in segments and seconds
            k = Math.cbrt((maxWindow - window) / MAX_DATAGRAM_SIZE / C);
        }
        // RFC 9438 4.3: W_est starts at cwnd_epoch
        renoEstimate = window;
    }

    @Override
    void reduce(long nowNanos) {
        // RFC 9438 4.7: fast convergence releases bandwidth when the plateau keeps falling
        if (window < maxWindow) {
            maxWindow = window * (1 + BETA) / 2;
        } else {
            maxWindow = window;
        }
        priorWindow = window;
        // RFC 9438 4.6: ssthresh = cwnd · β_cubic, cwnd = max(ssthresh, minimum)
        slowStartThreshold = Math.max((long) (window * BETA), MINIMUM_WINDOW);
        window = slowStartThreshold;
        renoEstimate = window;
        epochStarted = false;
        k = 0;
        carry = 0;
    }

    @Override
    void onCollapse(long nowNanos) {
        // RFC 9438 4.8: after a timeout, slow start again from the minimum with a new epoch
        epochStarted = false;
        renoEstimate = window;
        k = 0;
        carry = 0;
    }
}
