package org.sss.tools.bench.compare.tls;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Contender.ManyStreams;
import org.sss.tools.bench.compare.EchoServerHandler;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.MemoryProbe;

/**
 * Many open TLS connections (TLS's "streams"): {@code count} new connections, {@code inFlight} being
 * opened at a time, each doing a full handshake, echoing one random byte (checked) and then left
 * open. The open rate runs from the first connect to the last echo. Memory is read after one
 * warm-up connection has come and gone (so that class loading is not counted), and again after the
 * last echo with every connection still open at both ends.
 */
final class ManyConnectionsWorkload {
    private ManyConnectionsWorkload() {
    }

    static ManyStreams run(Loopback loopback, TlsSetup setup, int count, int inFlight, long seed) throws Exception {
        if (count < 1 || inFlight < 1) {
            throw new IllegalArgumentException("many connections: count " + count + ", in flight " + inFlight);
        }
        DescriptorLimit.require(count);
        Requests bytes = new Requests(seed, 256, 1);
        try (TlsPair pair = TlsPair.start(loopback, setup, () -> EchoServerHandler.INSTANCE)) {
            warmUp(pair, bytes.next());
            long heapBefore = MemoryProbe.settledHeap();
            long residentBefore = MemoryProbe.residentSet();
            Opener opener = new Opener(pair, bytes, count);
            long start = System.nanoTime();
            for (int i = 0; i < Math.min(inFlight, count); i++) {
                opener.next();
            }
            Await.whileProgressing(opener.done, opener.echoed::get, "many connections: opening " + count);
            double seconds = (opener.lastEcho.get() - start) / 1e9;
            long heapAfter = MemoryProbe.settledHeap();
            long residentAfter = MemoryProbe.residentSet();
            long open = opener.channels.stream().filter(Channel::isActive).count();
            if (open != count) {
                throw new IllegalStateException("TLS many connections: " + open + " of " + count + " still open");
            }
            pair.verifyFullHandshakes();
            for (Channel channel : opener.channels) {
                channel.close();
            }
            double resident = residentBefore < 0 || residentAfter < 0 ? Double.NaN
                    : (residentAfter - residentBefore) / (double) count;
            return new ManyStreams(count / seconds, (heapAfter - heapBefore) / (double) count, resident);
        }
    }

    private static void warmUp(TlsPair pair, byte[] request) throws Exception {
        EchoClient echo = new EchoClient();
        Channel channel = Await.get(pair.connect(echo), Await.STEP_MILLIS, TimeUnit.MILLISECONDS,
                "many connections: warm-up connection");
        Await.get(echo.exchange(channel, request), Await.STEP_MILLIS, TimeUnit.MILLISECONDS,
                "many connections: warm-up echo");
        channel.close().sync();
    }

    /** Opens the connections, the next one whenever one has its echo. */
    private static final class Opener {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Queue<Channel> channels = new ConcurrentLinkedQueue<>();
        final AtomicLong lastEcho = new AtomicLong();
        final AtomicInteger echoed = new AtomicInteger();
        private final TlsPair pair;
        private final Requests bytes;
        private final int count;
        private final AtomicInteger started = new AtomicInteger();

        Opener(TlsPair pair, Requests bytes, int count) {
            this.pair = pair;
            this.bytes = bytes;
            this.count = count;
        }

        void next() {
            if (started.getAndIncrement() >= count) {
                return;
            }
            byte[] request;
            synchronized (bytes) {
                request = bytes.next();
            }
            EchoClient echo = new EchoClient();
            pair.connect(echo)
                    .thenCompose(channel -> {
                        channels.add(channel);
                        return echo.exchange(channel, request);
                    })
                    .whenComplete((reply, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(failure);
                            return;
                        }
                        lastEcho.accumulateAndGet(reply.lastByteNanos(), Math::max);
                        if (echoed.incrementAndGet() == count) {
                            done.complete(null);
                        } else {
                            next();
                        }
                    });
        }
    }
}
