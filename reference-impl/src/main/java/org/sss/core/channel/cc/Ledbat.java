package org.sss.core.channel.cc;

import java.util.concurrent.TimeUnit;

/**
 * A less-than-best-effort, delay-based controller in the manner of LEDBAT (RFC 6817), for
 * background transfers: it aims at a queuing delay of {@link #TARGET_NANOS} and gives way as soon
 * as the delay rises above it.
 *
 * <p>SSS has no one-way delay measurement, so the delays are round-trip ones: the base delay is
 * the minimum RTT sample over the last ten one-minute buckets (RFC 6817's BASE_HISTORY), the
 * current delay the minimum of the last four samples (CURRENT_FILTER), and the queuing delay their
 * difference. On each acknowledgement {@code cwnd += GAIN · off_target · bytes · MSS / cwnd} with
 * {@code off_target = (TARGET − queuing_delay) / TARGET}, clamped to [−1, 1]. Within CHN-CC-2 it
 * starts at the initial window of 12320 bytes, slow-starts until the queuing delay reaches three
 * quarters of the target (as LEDBAT++ does), halves on loss once per recovery period (RFC 6817
 * section 2.4.2) and never goes below the minimum window. RFC 6817's cap of the window at the
 * flight size plus one datagram is replaced by the shared window-used test of RFC 9002 section 7.8:
 * an underused window does not grow, but it still shrinks when the delay rises.
 */
public final class Ledbat extends WindowedController {
    /** RFC 6817 section 3.2.2: TARGET, at most 100 ms. */
    public static final long TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** RFC 6817: GAIN, at most 1. */
    public static final double GAIN = 1.0;
    /** RFC 6817: BASE_HISTORY, in one-minute buckets. */
    static final int BASE_HISTORY = 10;
    static final long BASE_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** RFC 6817: CURRENT_FILTER, in samples. */
    static final int CURRENT_FILTER = 4;

    private final long[] baseHistory = new long[BASE_HISTORY];
    private int baseCount;
    private int baseNewest;
    private long bucketStart;
    private final long[] currentDelays = new long[CURRENT_FILTER];
    private int currentCount;
    private int currentNext;
    private double carry;

    /** A controller at the initial window of 12320 bytes. */
    public Ledbat() {
    }

    @Override
    public String name() {
        return "ledbat";
    }

    /** The base delay in nanoseconds: the smallest RTT of the history; 0 before any sample. */
    public long baseDelayNanos() {
        if (baseCount == 0) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < baseCount; i++) {
            min = Math.min(min, baseHistory[i]);
        }
        return min;
    }

    /** The queuing delay estimate in nanoseconds: current delay less base delay; 0 before any sample. */
    public long queuingDelayNanos() {
        if (currentCount == 0) {
            return 0;
        }
        long current = Long.MAX_VALUE;
        for (int i = 0; i < currentCount; i++) {
            current = Math.min(current, currentDelays[i]);
        }
        return Math.max(0, current - baseDelayNanos());
    }

    @Override
    void onAck(long sentTimeNanos, int bytes, long nowNanos, RttView rtt, boolean windowLimited) {
        if (rtt.hasRttSamples() && rtt.latestRttNanos() > 0) {
            addDelaySample(rtt.latestRttNanos(), nowNanos);
        }
        long queuing = queuingDelayNanos();
        if (window < slowStartThreshold) {
            if (4 * queuing < 3 * TARGET_NANOS) {
                if (windowLimited) {
                    window += bytes;
                }
                return;
            }
            // the queue is building: slow start ends here
            slowStartThreshold = window;
        }
        // RFC 6817 2.4.2: off_target = (TARGET − queuing_delay) / TARGET
        double offTarget = Math.max(-1.0, Math.min(1.0, (double) (TARGET_NANOS - queuing) / TARGET_NANOS));
        if (offTarget > 0 && !windowLimited) {
            return;
        }
        // RFC 6817 2.4.2: cwnd += GAIN · off_target · bytes_newly_acked · MSS / cwnd
        double change = GAIN * offTarget * bytes * MAX_DATAGRAM_SIZE / window + carry;
        long whole = (long) change;
        carry = change - whole;
        // SPEC CHN-CC-2: never below the minimum window
        window = Math.max(MINIMUM_WINDOW, window + whole);
        // a delay-driven decrease does not restart slow start
        slowStartThreshold = Math.min(slowStartThreshold, window);
    }

    private void addDelaySample(long delay, long nowNanos) {
        // RFC 6817 2.4.2 update_base_delay: one minimum per minute, the last BASE_HISTORY minutes kept
        if (baseCount == 0) {
            baseHistory[0] = delay;
            baseCount = 1;
            baseNewest = 0;
            bucketStart = nowNanos;
        } else if (nowNanos - bucketStart >= BASE_INTERVAL_NANOS) {
            baseNewest = (baseNewest + 1) % BASE_HISTORY;
            baseHistory[baseNewest] = delay;
            baseCount = Math.min(baseCount + 1, BASE_HISTORY);
            bucketStart = nowNanos;
        } else {
            baseHistory[baseNewest] = Math.min(baseHistory[baseNewest], delay);
        }
        // RFC 6817 2.4.2 update_current_delay: the last CURRENT_FILTER samples
        currentDelays[currentNext] = delay;
        currentNext = (currentNext + 1) % CURRENT_FILTER;
        currentCount = Math.min(currentCount + 1, CURRENT_FILTER);
    }

    @Override
    void reduce(long nowNanos) {
        // RFC 6817 2.4.2: on loss, cwnd = max(cwnd / 2, MIN_CWND), at most once per RTT
        window = Math.max(window / 2, MINIMUM_WINDOW);
        slowStartThreshold = window;
        carry = 0;
    }

    @Override
    void onCollapse(long nowNanos) {
        carry = 0;
    }
}
