package org.sss.tools.bench.compare;

import java.util.Optional;

/**
 * Runs a contender's single-stream bulk workload over a lossy link: the same kernel-level
 * impairment for every contender ({@link NamespaceImpairment} does it with a network namespace
 * and nftables).
 */
public interface Impairment extends AutoCloseable {
    /** Why loss cannot be measured here, or empty when it can. */
    Optional<String> unavailable();

    /**
     * One bulk measurement of {@code contenderId} over one stream with {@code lossPercent} of the
     * packets dropped.
     *
     * @throws UnsupportedOperationException when the contender cannot run it (its reason as message)
     */
    Run bulk(String contenderId, double lossPercent, long bytes, long seed) throws Exception;

    /** Frees what the impairment holds; idempotent. */
    @Override
    void close();

    /**
     * One impaired bulk measurement.
     *
     * @param megabytesPerSecond the goodput
     * @param packetsSeen packets the impairment saw, both directions
     * @param packetsDropped packets it dropped
     */
    record Run(double megabytesPerSecond, long packetsSeen, long packetsDropped) {
        /** Dropped packets as a percentage of those seen; NaN when none was seen. */
        public double dropPercent() {
            return packetsSeen == 0 ? Double.NaN : 100.0 * packetsDropped / packetsSeen;
        }
    }
}
