package org.sss.tools.bench;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;

/**
 * One repetition of each workload of {@code sss bench streams}, each over a new pair of hosts
 * ({@link StreamLoopback}) so that no workload inherits another's streams, windows or garbage.
 * The client side runs on the client host's event loop, driven by its futures.
 */
final class StreamWorkloads {
    /** Stream opens in flight in the concurrent stream-open measurement. */
    static final int OPENS_IN_FLIGHT = 16;
    /** Bytes of the request and of the reply in the latency measurement. */
    static final int REQUEST_BYTES = 100;
    /** Bytes per write in the bulk workloads. */
    static final int WRITE_BYTES = 64 * 1024;
    /** Substream opens in flight while the idle streams are opened. */
    static final int IDLE_OPENS_IN_FLIGHT = 64;
    /** Time for ACKs and the like to settle before the heap is measured. */
    static final long SETTLE_MILLIS = 500;
    /** Rounds of {@link System#gc()} before each heap reading. */
    static final int GC_ROUNDS = 5;
    /** Streams each end allows beyond what the workloads open at once. */
    private static final long STREAM_HEADROOM = 1_000;
    private static final long SETUP_TIMEOUT_SECONDS = 30;

    private final StreamBenchmarkRunner.Settings settings;
    private final byte[] pattern = new byte[WRITE_BYTES];
    private final byte[] oneByte = {0x2a};
    private final byte[] request = new byte[REQUEST_BYTES];

    StreamWorkloads(StreamBenchmarkRunner.Settings settings) {
        this.settings = settings;
        SplittableRandom random = new SplittableRandom(settings.seed());
        random.nextBytes(pattern);
        random.nextBytes(request);
    }

    /**
     * Stream-open rates and the 1-byte round trip on existing streams beside them, in operations
     * per second.
     *
     * @param existingSequential 1-byte request and reply on one existing substream, one at a time
     * @param freshSequential new substream, 1 byte, 1-byte reply, one at a time
     * @param existingConcurrent as {@code existingSequential} on {@value #OPENS_IN_FLIGHT} substreams at once
     * @param freshConcurrent as {@code freshSequential} with {@value #OPENS_IN_FLIGHT} in flight
     */
    record OpenRates(double existingSequential, double freshSequential, double existingConcurrent,
            double freshConcurrent) {
    }

    /**
     * Request/response times, in nanoseconds, ascending.
     *
     * @param existing 100-byte request and reply on an existing substream
     * @param fresh the same on a new substream each time
     */
    record Latencies(long[] existing, long[] fresh) {
    }

    /**
     * Heap per idle stream, both ends together.
     *
     * @param bytesPerStream heap growth over the idle streams, divided by their number
     * @param noisePerStream the same readings taken around a pause with no streams opened, divided alike
     */
    record Memory(double bytesPerStream, double noisePerStream) {
    }

    /** Bytes each bulk repetition carries. */
    long bulkBytes() {
        return settings.megabytes() * 1_000_000L;
    }

    /** How long a bulk transfer (or its ceiling) may take before the run gives up: at least 1 MB/s. */
    long bulkTimeoutSeconds() {
        return 60 + settings.megabytes();
    }

    /**
     * Bulk goodput: {@link #bulkBytes()} split evenly over {@code streams} top-level streams to the
     * discard service, written at once, each finished and answered with the count the server read.
     *
     * @return MB/s (10^6 bytes per second) from the first write to the last answer
     */
    double bulk(int streams, long seed) throws InterruptedException, ExecutionException, TimeoutException {
        long total = bulkBytes();
        try (StreamLoopback loopback = StreamLoopback.start(seed, maxStreams())) {
            SecureChannel channel = loopback.channel();
            AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
            CompletableFuture<?>[] answers = new CompletableFuture<?>[streams];
            long start = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                long share = total / streams + (i < total % streams ? 1 : 0);
                Stream stream = channel.openStream(StreamLoopback.SERVICE, StreamLoopback.DISCARD);
                answers[i] = StreamAsync.writeBulk(stream, share, pattern)
                        .thenCompose(v -> {
                            stream.finish();
                            return StreamAsync.readExactly(stream, Long.BYTES);
                        })
                        .thenAccept(answer -> {
                            long end = System.nanoTime();
                            long counted = ByteBuffer.wrap(answer).getLong();
                            if (counted != share) {
                                throw new IllegalStateException("the server read " + counted + " bytes of a stream that "
                                        + "carried " + share);
                            }
                            lastAnswer.accumulateAndGet(end, Math::max);
                        });
            }
            StreamAsync.await(CompletableFuture.allOf(answers), bulkTimeoutSeconds(),
                    "bulk over " + streams + " stream(s): the server's counts");
            return total / ((lastAnswer.get() - start) / 1e9) / 1e6;
        }
    }

    /** The four rates of {@link OpenRates}, each measured for {@code settings.seconds()} seconds. */
    OpenRates openRates(long seed) throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = StreamLoopback.start(seed, maxStreams())) {
            Stream parent = echoParent(loopback);
            Stream[] existing = existingSubstreams(parent, OPENS_IN_FLIGHT);
            double seconds = settings.seconds();
            double existingSequential = StreamClosedLoop.run(1, seconds, Long.MAX_VALUE,
                    (slot, n) -> roundTrip(existing[0], oneByte), SETUP_TIMEOUT_SECONDS).rate();
            double freshSequential = StreamClosedLoop.run(1, seconds, Long.MAX_VALUE,
                    (slot, n) -> freshRoundTrip(parent, oneByte), SETUP_TIMEOUT_SECONDS).rate();
            double existingConcurrent = StreamClosedLoop.run(OPENS_IN_FLIGHT, seconds, Long.MAX_VALUE,
                    (slot, n) -> roundTrip(existing[slot], oneByte), SETUP_TIMEOUT_SECONDS).rate();
            double freshConcurrent = StreamClosedLoop.run(OPENS_IN_FLIGHT, seconds, Long.MAX_VALUE,
                    (slot, n) -> freshRoundTrip(parent, oneByte), SETUP_TIMEOUT_SECONDS).rate();
            return new OpenRates(existingSequential, freshSequential, existingConcurrent, freshConcurrent);
        }
    }

    /** The request/response times of {@link Latencies}, one at a time, each for {@code settings.seconds()} seconds. */
    Latencies latencies(long seed) throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = StreamLoopback.start(seed, maxStreams())) {
            Stream parent = echoParent(loopback);
            Stream existing = existingSubstreams(parent, 1)[0];
            double seconds = settings.seconds();
            long[] onExisting = StreamClosedLoop.run(1, seconds, Long.MAX_VALUE,
                    (slot, n) -> roundTrip(existing, request), SETUP_TIMEOUT_SECONDS).sortedNanos();
            long[] onFresh = StreamClosedLoop.run(1, seconds, Long.MAX_VALUE,
                    (slot, n) -> freshRoundTrip(parent, request), SETUP_TIMEOUT_SECONDS).sortedNanos();
            return new Latencies(onExisting, onFresh);
        }
    }

    /**
     * Heap per idle stream: {@code settings.idleStreams()} substreams of one echo stream, each having
     * carried one byte each way and left open, held by the client; the heap used after
     * {@value #GC_ROUNDS} rounds of {@link System#gc()} before and after, divided by the count.
     * Both hosts live in this JVM, so the figure is both ends' state together. Approximate: other
     * threads allocate meanwhile, and Netty's pooled direct buffers are not on the heap.
     */
    Memory memory(long seed) throws InterruptedException, ExecutionException, TimeoutException {
        int count = settings.idleStreams();
        try (StreamLoopback loopback = StreamLoopback.start(seed, maxStreams())) {
            Stream parent = echoParent(loopback);
            Stream[] idle = new Stream[count];
            long noiseBefore = usedHeapAfterGc();
            Thread.sleep(SETTLE_MILLIS);
            long before = usedHeapAfterGc();
            StreamClosedLoop.run(IDLE_OPENS_IN_FLIGHT, SETUP_TIMEOUT_SECONDS + count / 100, count, (slot, n) -> {
                Stream substream = parent.openSubstream();
                idle[(int) n] = substream;
                substream.write(oneByte);
                return StreamAsync.readExactly(substream, 1);
            }, SETUP_TIMEOUT_SECONDS);
            Thread.sleep(SETTLE_MILLIS);
            long after = usedHeapAfterGc();
            for (Stream stream : idle) {
                if (stream == null) {
                    throw new IllegalStateException("not every idle stream was opened in time");
                }
            }
            Reference.reachabilityFence(idle);
            Reference.reachabilityFence(parent);
            return new Memory((after - before) / (double) count, (before - noiseBefore) / (double) count);
        }
    }

    private long maxStreams() {
        return Math.max(Math.max(settings.streams(), settings.idleStreams()), OPENS_IN_FLIGHT) + STREAM_HEADROOM;
    }

    /** A top-level stream to the echo service, the parent of the workload's substreams. */
    private static Stream echoParent(StreamLoopback loopback)
            throws InterruptedException, ExecutionException, TimeoutException {
        return StreamAsync.await(loopback.channel().connect(StreamLoopback.SERVICE, StreamLoopback.ECHO),
                SETUP_TIMEOUT_SECONDS, "connect to " + StreamLoopback.SERVICE + " / " + StreamLoopback.ECHO);
    }

    /** Substreams that have each carried one round trip already. */
    private Stream[] existingSubstreams(Stream parent, int count)
            throws InterruptedException, ExecutionException, TimeoutException {
        Stream[] substreams = new Stream[count];
        for (int i = 0; i < count; i++) {
            substreams[i] = parent.openSubstream();
            StreamAsync.await(roundTrip(substreams[i], oneByte), SETUP_TIMEOUT_SECONDS,
                    "first round trip on a new substream");
        }
        return substreams;
    }

    /** Writes the request on an open stream and reads the echo. */
    private static CompletableFuture<byte[]> roundTrip(Stream stream, byte[] request) {
        stream.write(request);
        return StreamAsync.readExactly(stream, request.length);
    }

    /**
     * Opens a substream, writes the request and FIN in its first frame, reads the echo, then reads
     * the server's FIN without waiting for it (so that both ends can forget the stream).
     */
    private static CompletableFuture<byte[]> freshRoundTrip(Stream parent, byte[] request) {
        Stream substream = parent.openSubstream();
        substream.write(request);
        substream.finish();
        return StreamAsync.readExactly(substream, request.length).thenApply(reply -> {
            substream.read(1);
            return reply;
        });
    }

    /** Heap in use after {@value #GC_ROUNDS} rounds of garbage collection: the least of the readings. */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < GC_ROUNDS; round++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
