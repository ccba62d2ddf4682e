package org.sss.tools.bench.compare;

import java.time.Duration;

/**
 * One transport that {@code sss bench} measures side by side with the others: SSS, QUIC, TLS 1.3
 * over TCP. Every method starts its own server and client(s) in this JVM on the loopback address
 * it is given, measures, verifies what the server received, and tears everything down before it
 * returns, so that no measurement inherits another's connections, windows or garbage. The runner
 * calls one method at a time.
 *
 * <p>Where a contender has no streams (TLS over TCP), a stream is a connection and the report
 * says so ({@link #streamUnit()}). A workload a contender cannot run throws
 * {@link UnsupportedOperationException} whose message says why; the report prints it.
 */
public interface Contender {
    /** Bytes of a request and of its reply in the request/response and first-byte workloads. */
    int REQUEST_BYTES = 100;

    /** Short name for JSON keys and {@code --contenders}: {@code sss}, {@code quic}, {@code tls}. */
    String id();

    /** Name for tables and the chart. */
    String displayName();

    /** What "a stream" is for this contender in the report: "stream", "substream", "connection". */
    String streamUnit();

    /**
     * What exactly runs, for the report: library and version, cipher, transport (epoll or NIO), the
     * settings that matter. Asked after the measurements.
     */
    String describe();

    /**
     * Bulk goodput: {@code bytes} split evenly over {@code streams} streams of one new connection
     * (TLS: {@code streams} connections), all written at once; the server counts each stream's bytes
     * and, when the stream ends, answers with the count, which is checked.
     *
     * @param loopback the address the server binds (127.0.0.1, or the impaired namespace's)
     * @return MB/s (10^6 bytes per second) from the first write to the last answer
     */
    double bulk(Loopback loopback, long bytes, int streams, long seed) throws Exception;

    /**
     * Full handshakes per second: for {@code duration}, {@code concurrency} clients each connect
     * (no session resumption, no 0-RTT), wait until the connection is established and usable, close
     * it, and start again.
     */
    double handshakesPerSecond(Loopback loopback, Duration duration, int concurrency, long seed) throws Exception;

    /**
     * Time to first byte of a fresh connection, one connection at a time for {@code duration}:
     * from the start of connecting until the first byte of the reply to a {@link #REQUEST_BYTES}
     * request sent as early as the protocol allows.
     *
     * @return one sample per connection, in nanoseconds (any order)
     */
    long[] timeToFirstByte(Loopback loopback, Duration duration, long seed) throws Exception;

    /**
     * Request/response latency on one connection, one request at a time, {@link #REQUEST_BYTES}
     * each way, for {@code 2 * duration} in all, the two kinds alternating: one request on one
     * existing stream, then one on a fresh stream (SSS: a substream; QUIC: a new stream; TLS: a new
     * connection) opened with the request, then existing again, and so on. They alternate rather than
     * run one after the other because the loopback round trip of a small machine changes from one
     * period of a few seconds to the next (on 2 cores, with thread wake-ups across cores, it was
     * about 40 µs in some periods and 80-100 µs in others): in two separate halves, fresh/existing
     * measured which period each half fell in more than the cost of a fresh stream.
     */
    Latencies requestResponse(Loopback loopback, Duration duration, long seed) throws Exception;

    /**
     * Opens {@code count} streams on one connection (TLS: connections), each carrying one byte each
     * way and then left open, {@code inFlight} opens at a time; then measures what they hold.
     */
    ManyStreams manyStreams(Loopback loopback, int count, int inFlight, long seed) throws Exception;

    /**
     * Request/response samples in nanoseconds (any order).
     *
     * @param existing on one existing stream
     * @param fresh each on a fresh stream
     */
    record Latencies(long[] existing, long[] fresh) {
    }

    /**
     * What many open streams cost.
     *
     * @param opensPerSecond streams opened (and their byte echoed) per second
     * @param heapBytesPerStream Java heap growth after {@link MemoryProbe#settledHeap()} divided by the
     *        count, both ends together
     * @param residentBytesPerStream the process's resident set growth divided by the count (what native
     *        code such as quiche holds shows only here)
     */
    record ManyStreams(double opensPerSecond, double heapBytesPerStream, double residentBytesPerStream) {
    }
}
