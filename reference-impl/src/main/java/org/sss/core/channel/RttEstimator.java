package org.sss.core.channel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.sss.core.channel.cc.RttView;

/**
 * RTT estimation as RFC 9002 section 5 specifies it, with SSS's constants (SPEC.md section 6.5):
 * an initial RTT of 500 ms unless configured otherwise, samples clamped to 30 s, and the probe
 * timeout {@code PTO = smoothed_rtt + max(4 · rttvar, 1 ms) + peer max_ack_delay}. Times are in
 * nanoseconds. Not thread-safe.
 */
final class RttEstimator implements RttView {
    /** SPEC CHN-RTT-2: samples above 30 s are clamped to 30 s. */
    static final long MAX_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** kGranularity: 1 ms. */
    static final long GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private long latest;
    private long smoothed;
    private long variation;
    private long min;
    private long samples;

    /** An estimator whose smoothed RTT starts at {@code initialRttNanos} and variation at half of it. */
    RttEstimator(long initialRttNanos) {
        // SPEC CHN-RTT-1: smoothed_rtt starts at the initial RTT and rttvar at half of it
        this.smoothed = initialRttNanos;
        this.variation = initialRttNanos / 2;
    }

    /**
     * Takes one sample (RFC 9002 section 5.3).
     *
     * @param sampleNanos time from sending the newly acknowledged largest packet to receiving its ACK
     * @param ackDelayNanos the peer's reported ACK delay, already limited to its max_ack_delay
     */
    void onSample(long sampleNanos, long ackDelayNanos) {
        // SPEC CHN-RTT-2: clamp samples larger than 30 s to 30 s
        long sample = Math.min(Math.max(sampleNanos, 0), MAX_SAMPLE_NANOS);
        latest = sample;
        if (samples++ == 0) {
            min = sample;
            smoothed = sample;
            variation = sample / 2;
            return;
        }
        min = Math.min(min, sample);
        // SPEC CHN-RTT-1: subtract min(ack_delay, max_ack_delay) unless that would go below min_rtt
        long adjusted = sample >= min + ackDelayNanos ? sample - ackDelayNanos : sample;
        variation = (3 * variation + Math.abs(smoothed - adjusted)) / 4;
        smoothed = (7 * smoothed + adjusted) / 8;
    }

    /** Whether a sample has been taken. */
    boolean hasSamples() {
        return samples > 0;
    }

    /** The smoothed RTT in nanoseconds. */
    long smoothedNanos() {
        return smoothed;
    }

    @Override
    public long smoothedRttNanos() {
        return smoothed;
    }

    @Override
    public long latestRttNanos() {
        return latest;
    }

    @Override
    public long minRttNanos() {
        return min;
    }

    @Override
    public boolean hasRttSamples() {
        return samples > 0;
    }

    /** The RTT variation in nanoseconds. */
    long variationNanos() {
        return variation;
    }

    /**
     * SPEC CHN-LOSS-2: the time threshold, 9/8 · max(smoothed_rtt, latest_rtt), at least kGranularity (1 ms).
     */
    long lossDelayNanos() {
        long base = Math.max(smoothed, latest);
        return Math.max(base + base / 8, GRANULARITY_NANOS);
    }

    /**
     * The probe timeout without backoff.
     * SPEC CHN-LOSS-3: PTO = smoothed_rtt + max(4 · rttvar, 1 ms) + peer max_ack_delay.
     */
    long ptoNanos(long peerMaxAckDelayNanos) {
        return smoothed + Math.max(4 * variation, GRANULARITY_NANOS) + peerMaxAckDelayNanos;
    }

    /** A snapshot for statistics. */
    RttStatistics snapshot() {
        return new RttStatistics(Duration.ofNanos(latest), Duration.ofNanos(smoothed), Duration.ofNanos(variation),
                Duration.ofNanos(min), samples);
    }
}
