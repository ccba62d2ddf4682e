package org.sss.tools.bench.compare.tls;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Contender.Latencies;
import org.sss.tools.bench.compare.EchoServerHandler;
import org.sss.tools.bench.compare.Loopback;

/**
 * The echo latency workloads, one {@link Contender#REQUEST_BYTES}-byte request at a time, every
 * echo checked byte for byte ({@link EchoClient}, {@link EchoServerHandler}):
 * <ul>
 *   <li>time to first byte: from just before connecting, through the full handshake, to the first
 *       byte of the echo of a request written as soon as the client's handshake finished (TLS 1.3
 *       lets the client send right after its Finished); then the connection is closed;</li>
 *   <li>request/response on one existing connection: from just before the write to the echo's last
 *       byte;</li>
 *   <li>request/response on a fresh connection: TLS has no cheaper fresh stream than a new
 *       connection, so from just before connecting to the echo's last byte, handshake included.
 *       The two request/response kinds alternate, one request each in turn.</li>
 * </ul>
 * Each loop runs on event loops only ({@link Sequential}).
 */
final class EchoWorkloads {
    private EchoWorkloads() {
    }

    static long[] timeToFirstByte(Loopback loopback, TlsSetup setup, Duration duration, long seed) throws Exception {
        Requests requests = new Requests(seed, 64, Contender.REQUEST_BYTES);
        try (TlsPair pair = TlsPair.start(loopback, setup, () -> EchoServerHandler.INSTANCE)) {
            long[] samples = Sequential.run(duration, Runnable::run,
                    () -> fresh(pair, requests.next(), EchoClient.Reply::firstByteNanos), "time to first byte");
            pair.verifyFullHandshakes();
            return samples;
        }
    }

    /**
     * Request/response for twice {@code duration}, alternating one request on the existing connection
     * and one on a fresh connection so that both kinds sample the same machine state.
     */
    static Latencies requestResponse(Loopback loopback, TlsSetup setup, Duration duration, long seed)
            throws Exception {
        Requests requests = new Requests(seed, 64, Contender.REQUEST_BYTES);
        try (TlsPair pair = TlsPair.start(loopback, setup, () -> EchoServerHandler.INSTANCE)) {
            EchoClient echo = new EchoClient();
            Channel channel = Await.get(pair.connect(echo), Await.STEP_MILLIS, TimeUnit.MILLISECONDS,
                    "request/response: connecting");
            long[] taken = {0};
            long[] alternating = Sequential.run(duration.multipliedBy(2), channel.eventLoop(), () -> {
                if (taken[0]++ % 2 == 1) {
                    return fresh(pair, requests.next(), EchoClient.Reply::lastByteNanos);
                }
                long start = System.nanoTime();
                return echo.exchange(channel, requests.next()).thenApply(reply -> reply.lastByteNanos() - start);
            }, "request/response on an existing connection and fresh ones, alternating");
            channel.close().sync();
            pair.verifyFullHandshakes();
            return new Latencies(everyOther(alternating, 0), everyOther(alternating, 1));
        }
    }

    /** The values at {@code first}, {@code first + 2}, {@code first + 4}, ... */
    private static long[] everyOther(long[] values, int first) {
        long[] picked = new long[(values.length - first + 1) / 2];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = values[first + 2 * i];
        }
        return picked;
    }

    /**
     * Connects, sends {@code request}, waits for its echo and closes; completes, once closed, with
     * the time from the start to the moment {@code end} picks from the reply.
     */
    private static CompletableFuture<Long> fresh(TlsPair pair, byte[] request, ToLongFunction<EchoClient.Reply> end) {
        long start = System.nanoTime();
        EchoClient echo = new EchoClient();
        return pair.connect(echo).thenCompose(channel -> echo.exchange(channel, request)
                .handle((reply, failure) -> {
                    CompletableFuture<Long> closed = new CompletableFuture<>();
                    channel.close().addListener(close -> {
                        if (failure != null) {
                            closed.completeExceptionally(failure);
                        } else {
                            closed.complete(end.applyAsLong(reply) - start);
                        }
                    });
                    return closed;
                })
                .thenCompose(closed -> closed));
    }
}
