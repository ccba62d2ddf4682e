package org.sss.tools.bench.compare.quic;

import java.time.Duration;

/**
 * The QUIC transport parameters both ends announce, chosen generously so that flow control never
 * limits loopback goodput: a bulk transfer or 10,000 open streams never waits for a window update.
 *
 * @param maxData initial_max_data, bytes the peer may send on the whole connection
 * @param maxStreamData initial_max_stream_data_bidi_local and _remote, bytes per stream
 * @param maxStreams initial_max_streams_bidi, bidirectional streams the peer may open
 * @param idleTimeout max_idle_timeout
 */
record QuicSettings(long maxData, long maxStreamData, long maxStreams, Duration idleTimeout) {
    /** ALPN protocol both ends offer. */
    static final String ALPN = "sss-bench";

    private static final long MAX_DATA = 64L << 20;
    private static final long MAX_STREAM_DATA = 16L << 20;
    private static final long MIN_STREAMS = 1_000;

    /** The benchmark's settings, allowing at least {@code streams} concurrent bidirectional streams. */
    static QuicSettings forStreams(long streams) {
        return new QuicSettings(MAX_DATA, MAX_STREAM_DATA, Math.max(MIN_STREAMS, streams), Duration.ofSeconds(60));
    }

    /** The settings as the report prints them. */
    String summary() {
        return "initial_max_data " + (maxData >> 20) + " MiB, initial_max_stream_data " + (maxStreamData >> 20)
                + " MiB, initial_max_streams_bidi >= " + MIN_STREAMS + " (and >= the streams a workload opens), "
                + "max_idle_timeout " + idleTimeout.toSeconds() + " s";
    }
}
