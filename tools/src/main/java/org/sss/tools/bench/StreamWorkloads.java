package org.sss.tools.bench;

import java.lang.ref.Reference;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.tools.bench.compare.MemoryProbe;

/**
 * One repetition of each SSS workload of {@code sss bench streams} and {@code sss bench}, each over a
 * new pair of hosts ({@link StreamLoopback}) so that no workload inherits another's streams, windows
 * or garbage. The client side runs on the client host's event loop, driven by its futures.
 */
public final class StreamWorkloads {
    /** Stream opens in flight in the concurrent stream-open measurement. */
    static final int OPENS_IN_FLIGHT = 16;
    /** Bytes of the request and of the reply in the latency measurement. */
    public static final int REQUEST_BYTES = 100;
    /** Bytes per write in the bulk workloads. */
    static final int WRITE_BYTES = 64 * 1024;
    /** Substream opens in flight while the idle streams are opened. */
    static final int IDLE_OPENS_IN_FLIGHT = 64;
    /** Time for ACKs and the like to settle before the heap is measured. */
    static final long SETTLE_MILLIS = 500;
    /** Rounds of {@link System#gc()} before each heap reading. */
    static final int GC_ROUNDS = 5;
    /** Streams each end allows beyond what the workloads open at once. */
    public static final long STREAM_HEADROOM = 1_000;
    private static final long SETUP_TIMEOUT_SECONDS = 30;

    private final InetAddress address;
    private final byte[] pattern = new byte[WRITE_BYTES];
    private final byte[] oneByte = {0x2a};
    private final byte[] request = new byte[REQUEST_BYTES];
    private volatile String transport = "unknown";

    /**
     * Workloads whose hosts bind {@code address}.
     *
     * @param seed fixes the bulk pattern and the request
     */
    public StreamWorkloads(InetAddress address, long seed) {
        this.address = address;
        SplittableRandom random = new SplittableRandom(seed);
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
    public record Latencies(long[] existing, long[] fresh) {
    }

    /**
     * What idle streams cost, both ends together.
     *
     * @param opensPerSecond substreams opened and their byte echoed per second
     * @param bytesPerStream heap growth over the idle streams, divided by their number
     * @param noisePerStream the same readings taken around a pause with no streams opened, divided alike
     * @param residentBytesPerStream the process's resident set growth divided by the number, -1 where unknown
     */
    public record IdleStreams(double opensPerSecond, double bytesPerStream, double noisePerStream,
            double residentBytesPerStream) {
    }

    /** The socket implementation of the last hosts started: {@code epoll}, {@code NIO} or {@code unknown}. */
    public String transport() {
        return transport;
    }

    /** How long a bulk transfer (or its ceiling) may take before the run gives up: at least 1 MB/s. */
    public static long bulkTimeoutSeconds(long bytes) {
        return 60 + bytes / 1_000_000;
    }

    /**
     * Bulk goodput: {@code total} bytes split evenly over {@code streams} top-level streams to the
     * discard service, written at once, each finished and answered with the count the server read.
     *
     * @return MB/s (10^6 bytes per second) from the first write to the last answer
     */
    public double bulk(long total, int streams, long seed)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = start(seed, streams)) {
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
            StreamAsync.await(CompletableFuture.allOf(answers), bulkTimeoutSeconds(total),
                    "bulk over " + streams + " stream(s): the server's counts");
            return total / ((lastAnswer.get() - start) / 1e9) / 1e6;
        }
    }

    /** The four rates of {@link OpenRates}, each measured for {@code seconds}. */
    OpenRates openRates(double seconds, long seed) throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = start(seed, OPENS_IN_FLIGHT)) {
            Stream parent = echoParent(loopback);
            Stream[] existing = existingSubstreams(parent, OPENS_IN_FLIGHT);
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

    /**
     * The request/response times of {@link Latencies}, one request at a time for {@code 2 * seconds}:
     * one on the existing substream, then one on a fresh substream, then existing again, and so on,
     * so that both kinds sample the same machine state (on a small machine the loopback round trip
     * changes from one few-second period to the next). Every echo is compared with its request.
     */
    public Latencies latencies(double seconds, long seed)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = start(seed, 1)) {
            Stream parent = echoParent(loopback);
            Stream existing = existingSubstreams(parent, 1)[0];
            StreamAsync.Samples onExisting = new StreamAsync.Samples();
            StreamAsync.Samples onFresh = new StreamAsync.Samples();
            StreamClosedLoop.run(1, 2 * seconds, Long.MAX_VALUE, (slot, n) -> n % 2 == 0
                    ? timedEcho(() -> roundTrip(existing, request), onExisting)
                    : timedEcho(() -> freshRoundTrip(parent, request), onFresh),
                    SETUP_TIMEOUT_SECONDS);
            return new Latencies(onExisting.sorted(), onFresh.sorted());
        }
    }

    /** Runs one exchange, checks its echo and adds its time, from the start to the echo, to {@code samples}. */
    private CompletableFuture<Void> timedEcho(Supplier<CompletableFuture<byte[]>> exchange,
            StreamAsync.Samples samples) {
        long begin = System.nanoTime();
        return exchange.get().thenAccept(echo -> {
            long end = System.nanoTime();
            checkEcho(echo);
            samples.add(end - begin);
        });
    }

    /**
     * Time to first byte of a fresh channel, one at a time for {@code seconds}: from the start of a
     * full handshake from the client host (a new negotiation, never an open channel) through opening
     * a stream to the echo service and writing the {@value #REQUEST_BYTES}-byte request, to the
     * first byte of the echo. The rest of the echo is read and compared and the channel closed before
     * the next sample; each channel's ID must differ from the one before.
     *
     * @return one sample per channel in nanoseconds, ascending
     */
    public long[] timeToFirstByte(double seconds, long seed)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = start(seed, 1)) {
            StreamAsync.Samples samples = new StreamAsync.Samples();
            byte[] previousId = loopback.channel().channelId();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() - deadline < 0) {
                long begin = System.nanoTime();
                long[] firstByte = {0};
                CompletableFuture<SecureChannel> connected = loopback.connectAgain();
                CompletableFuture<SecureChannel> sample = connected.thenCompose(channel -> {
                    Stream stream = channel.openStream(StreamLoopback.SERVICE, StreamLoopback.ECHO);
                    stream.write(request);
                    stream.finish();
                    return stream.read(1).thenCompose(first -> {
                        firstByte[0] = System.nanoTime();
                        if (first.length != 1) {
                            throw new IllegalStateException("the echo stream ended before its first byte");
                        }
                        return StreamAsync.readExactly(stream, REQUEST_BYTES - 1).thenApply(rest -> {
                            byte[] echo = new byte[REQUEST_BYTES];
                            echo[0] = first[0];
                            System.arraycopy(rest, 0, echo, 1, rest.length);
                            checkEcho(echo);
                            return channel;
                        });
                    });
                });
                SecureChannel channel = StreamAsync.await(sample, SETUP_TIMEOUT_SECONDS, "time to first byte");
                if (Arrays.equals(channel.channelId(), previousId)) {
                    throw new IllegalStateException("a first-byte sample reused channel " + HexFormat.of()
                            .formatHex(previousId));
                }
                previousId = channel.channelId();
                samples.add(firstByte[0] - begin);
                StreamAsync.await(channel.close("benchmark sample done"), SETUP_TIMEOUT_SECONDS, "closing a channel");
            }
            return samples.sorted();
        }
    }

    /**
     * Idle streams: {@code count} substreams of one echo stream, {@code inFlight} opens at a time,
     * each having carried one byte each way (the echo checked) and left open, held by the client;
     * the heap used after {@value #GC_ROUNDS} rounds of {@link System#gc()} and the resident set
     * before and after, divided by the count. Both hosts live in this JVM, so the figures are both
     * ends' state together. Approximate: other threads allocate meanwhile, and Netty's pooled direct
     * buffers are not on the heap (the resident set has them).
     */
    public IdleStreams idleStreams(int count, int inFlight, long seed)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (StreamLoopback loopback = start(seed, count)) {
            Stream parent = echoParent(loopback);
            Stream[] idle = new Stream[count];
            long noiseBefore = usedHeapAfterGc();
            Thread.sleep(SETTLE_MILLIS);
            long before = usedHeapAfterGc();
            long residentBefore = MemoryProbe.residentSet();
            StreamClosedLoop.Outcome opened = StreamClosedLoop.run(inFlight, SETUP_TIMEOUT_SECONDS + count / 100,
                    count, (slot, n) -> {
                        Stream substream = parent.openSubstream();
                        idle[(int) n] = substream;
                        substream.write(oneByte);
                        return StreamAsync.readExactly(substream, 1).thenAccept(echo -> {
                            if (echo[0] != oneByte[0]) {
                                throw new IllegalStateException("an idle stream's echo differs from its byte");
                            }
                        });
                    }, SETUP_TIMEOUT_SECONDS);
            Thread.sleep(SETTLE_MILLIS);
            long after = usedHeapAfterGc();
            long residentAfter = MemoryProbe.residentSet();
            if (opened.operations() != count) {
                throw new IllegalStateException("only " + opened.operations() + " of " + count
                        + " idle streams were opened in time");
            }
            Reference.reachabilityFence(idle);
            Reference.reachabilityFence(parent);
            double resident = residentBefore < 0 || residentAfter < 0 ? -1
                    : (residentAfter - residentBefore) / (double) count;
            return new IdleStreams(opened.rate(), (after - before) / (double) count,
                    (before - noiseBefore) / (double) count, resident);
        }
    }

    private StreamLoopback start(long seed, long streams)
            throws InterruptedException, ExecutionException, TimeoutException {
        StreamLoopback loopback = StreamLoopback.start(address, seed, Math.max(streams, OPENS_IN_FLIGHT)
                + STREAM_HEADROOM);
        transport = loopback.transport();
        return loopback;
    }

    private void checkEcho(byte[] echo) {
        if (!Arrays.equals(echo, request)) {
            throw new IllegalStateException("the echo differs from the request");
        }
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
