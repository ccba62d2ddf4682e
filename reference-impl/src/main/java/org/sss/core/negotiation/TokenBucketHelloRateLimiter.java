package org.sss.core.negotiation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A per-source-address token bucket for HELLOs (NEG-DOS-1), in the form of the generic cell rate
 * algorithm: each address has one {@code long}, the time at which its bucket would be full again.
 * A HELLO is allowed when that time is at most {@code (burst - 1)} emission intervals ahead of now.
 *
 * <p>Keyed by IP address only (ports are free to an attacker). Memory is bounded: at most
 * {@code maxSources} addresses are remembered, the least recently seen forgotten first, so the
 * limiter costs at most about {@code maxSources × 100} bytes. A forgotten address starts again with
 * a full bucket; that lets an attacker who cycles through more than {@code maxSources} addresses
 * exceed the per-address rate, but every COOKIE still goes to the HELLO's source and is smaller
 * than the HELLO, so nothing is amplified (SPEC.md section 5.8). Not thread-safe.
 */
public final class TokenBucketHelloRateLimiter implements HelloRateLimiter {
    /** SPEC.md section 10: the reference default is 100 HELLOs per second per source address. */
    public static final int DEFAULT_PER_SECOND = 100;
    /** Default number of addresses remembered. */
    public static final int DEFAULT_MAX_SOURCES = 4096;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long emissionIntervalNanos;
    private final long toleranceNanos;
    private final Map<InetAddress, long[]> buckets;

    /**
     * A limiter.
     *
     * @param perSecond sustained HELLOs per second per address, at least 1
     * @param burst HELLOs an idle address may send at once, at least 1
     * @param maxSources addresses remembered at most, at least 1
     */
    public TokenBucketHelloRateLimiter(int perSecond, int burst, int maxSources) {
        if (perSecond < 1 || perSecond > NANOS_PER_SECOND) {
            throw new IllegalArgumentException("perSecond must be in [1, 1e9], got " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        if (maxSources < 1) {
            throw new IllegalArgumentException("maxSources must be at least 1, got " + maxSources);
        }
        this.emissionIntervalNanos = NANOS_PER_SECOND / perSecond;
        this.toleranceNanos = (burst - 1) * emissionIntervalNanos;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, long[]> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** The reference defaults: 100 per second, a burst of 100, 4096 addresses. */
    public static TokenBucketHelloRateLimiter withDefaults() {
        return new TokenBucketHelloRateLimiter(DEFAULT_PER_SECOND, DEFAULT_PER_SECOND, DEFAULT_MAX_SOURCES);
    }

    @Override
    public boolean tryAcquire(InetSocketAddress source, long nowNanos) {
        Objects.requireNonNull(source, "source");
        // SPEC-GAP: NEG-DOS-1 says "per source address"; the key is the IP address alone, not the port
        InetAddress address = source.getAddress();
        if (address == null) {
            return false;
        }
        long[] cell = buckets.get(address);
        if (cell == null) {
            buckets.put(address, new long[] {nowNanos + emissionIntervalNanos});
            return true;
        }
        long theoreticalArrival = cell[0] - nowNanos < 0 ? nowNanos : cell[0];
        if (theoreticalArrival - nowNanos > toleranceNanos) {
            return false;
        }
        cell[0] = theoreticalArrival + emissionIntervalNanos;
        return true;
    }

    @Override
    public int trackedSources() {
        return buckets.size();
    }
}
