package org.sss.core.channel;

import java.time.Duration;

/**
 * A snapshot of a channel's RTT estimate (RFC 9002 section 5, SPEC.md section 6.5).
 *
 * @param latest the most recent sample, or zero before the first one
 * @param smoothed the smoothed RTT; the initial RTT before the first sample
 * @param variation the RTT variation; half the initial RTT before the first sample
 * @param min the smallest sample seen, or zero before the first one
 * @param samples how many samples were taken
 */
public record RttStatistics(Duration latest, Duration smoothed, Duration variation, Duration min, long samples) {
}
