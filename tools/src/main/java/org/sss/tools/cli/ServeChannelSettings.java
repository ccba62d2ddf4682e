package org.sss.tools.cli;

import java.time.Duration;
import org.sss.core.channel.ChannelConfig;

/**
 * The channel options {@code sss serve} and {@code sss connect} share, the timer-scaling hooks of the
 * conformance suite: each one left out keeps SPEC.md's default.
 */
final class ServeChannelSettings {
    private ServeChannelSettings() {
    }

    /**
     * The channel configuration with the given overrides.
     *
     * @param idleTimeoutMs SETTINGS IDLE_TIMEOUT_MS (0 none), or null for the default 120 000
     * @param rekeyIntervalMs the rotation age, jitter 0, or null for 30 min + U(0, 5 min)
     * @param maxConcurrentStreams SETTINGS MAX_CONCURRENT_PEER_STREAMS, or null for the default 100
     * @throws IllegalArgumentException naming the option out of range
     */
    static ChannelConfig channelConfig(Long idleTimeoutMs, Long rekeyIntervalMs, Long maxConcurrentStreams) {
        ChannelConfig.Builder builder = ChannelConfig.builder();
        if (idleTimeoutMs != null) {
            // SPEC 6.8 (IDLE_TIMEOUT_MS): a u32 of milliseconds, 0 for none
            requireRange("--idle-timeout", idleTimeoutMs, 0, 0xFFFF_FFFFL);
            builder.idleTimeout(Duration.ofMillis(idleTimeoutMs));
        }
        if (rekeyIntervalMs != null) {
            // SPEC CHN-REKEY-1: the rotation age, scaled down; no jitter, so the moment is predictable
            requireRange("--rekey-interval", rekeyIntervalMs, 1, Long.MAX_VALUE / 1_000_000);
            builder.rotationInterval(Duration.ofMillis(rekeyIntervalMs)).rotationJitter(Duration.ZERO);
        }
        if (maxConcurrentStreams != null) {
            // SPEC 8.11 (MAX_CONCURRENT_PEER_STREAMS): a u32
            requireRange("--max-concurrent-streams", maxConcurrentStreams, 0, 0xFFFF_FFFFL);
            builder.maxConcurrentPeerStreams(maxConcurrentStreams);
        }
        return builder.build();
    }

    /**
     * Checks an option's value.
     *
     * @throws IllegalArgumentException if it is outside {@code [min, max]}
     */
    static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + ": must be " + min + " to " + max + ", got " + value);
        }
    }
}
