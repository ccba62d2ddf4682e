package org.sss.tools.bench;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;

/**
 * Two {@link Host}s on one loopback address (127.0.0.1 for {@code sss bench streams}) in this JVM,
 * each with its own socket and event loop, and one channel from the client to the server, which
 * offers the benchmark's two services:
 * <ul>
 *   <li>{@value #SERVICE} / {@value #DISCARD}: reads a top-level stream to its end, then writes the
 *       number of bytes it read as 8 big-endian bytes and finishes (bulk goodput);</li>
 *   <li>{@value #SERVICE} / {@value #ECHO}: echoes a top-level stream and every substream the client
 *       opens under it, each finished when the client finishes it (stream opens, round trips,
 *       idle streams).</li>
 * </ul>
 * Both ends allow {@code maxStreams} live peer-opened streams (SETTINGS MAX_CONCURRENT_PEER_STREAMS)
 * instead of the default 100, since the benchmark opens more at once; the server runs new handshakes
 * as {@link LoopbackHandshakeRunner#hostConfig} does (no HELLO rate limit), for the first-byte
 * workload; every other setting is the default.
 */
final class StreamLoopback implements AutoCloseable {
    /** The benchmark's service name. */
    static final String SERVICE = "sss-bench";
    /** Protocol: read to the end, reply with the byte count. */
    static final String DISCARD = "discard-count/1";
    /** Protocol: echo the stream and its substreams. */
    static final String ECHO = "echo/1";
    /** Stream error code CANCELLED (SPEC.md section 11), used when a handler gives up on a stream. */
    static final long CANCELLED = 0x9;

    private final Host server;
    private final Host client;
    private final SecureChannel channel;

    private StreamLoopback(Host server, Host client, SecureChannel channel) {
        this.server = server;
        this.client = client;
        this.channel = channel;
    }

    /**
     * Starts both hosts, registers the services and connects.
     *
     * @param address the address both hosts bind
     * @param seed fixes both hosts' keys and random choices
     * @param maxStreams live peer-opened streams each end allows
     */
    static StreamLoopback start(InetAddress address, long seed, long maxStreams)
            throws InterruptedException, ExecutionException, TimeoutException {
        SplittableRandom seeds = new SplittableRandom(seed);
        ChannelConfig channelConfig = ChannelConfig.builder().maxConcurrentPeerStreams(maxStreams).build();
        Host server = Host.start(config(seeds.nextLong(), true, address, channelConfig), new HostListener() {
        });
        Host client = null;
        try {
            server.listen(SERVICE, DISCARD, "sss bench streams: reads to the end, replies with the byte count",
                    StreamLoopback::discardAndCount);
            server.listen(SERVICE, ECHO, "sss bench streams: echoes the stream and its substreams",
                    StreamLoopback::echoTree);
            client = Host.start(config(seeds.nextLong(), false, address, channelConfig), new HostListener() {
            });
            SecureChannel channel = StreamAsync.await(client.connect(server.localAddress(), server.identity()), 30,
                    "handshake between the two hosts");
            return new StreamLoopback(server, client, channel);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.close();
            throw e;
        }
    }

    private static HostConfig config(long seed, boolean server, InetAddress address, ChannelConfig channelConfig) {
        return LoopbackHandshakeRunner.hostConfig(seed, server, address).channelConfig(channelConfig).build();
    }

    /** The client's channel to the server. */
    SecureChannel channel() {
        return channel;
    }

    /**
     * Negotiates a new channel from the client host to the server: a full handshake, whatever
     * channels are open already.
     */
    CompletableFuture<SecureChannel> connectAgain() {
        return client.connect(server.localAddress(), server.identity());
    }

    /** {@code epoll} or {@code NIO}. */
    String transport() {
        return client.isNativeTransport() ? "epoll" : "NIO";
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }

    // ------------------------------------------------------------------ the server's handlers

    private static void discardAndCount(Stream stream) {
        StreamAsync.drain(stream)
                .thenCompose(count -> stream.write(ByteBuffer.allocate(Long.BYTES).putLong(count).array()))
                .thenRun(stream::finish)
                .exceptionally(failure -> giveUp(stream, failure));
    }

    private static void echoTree(Stream stream) {
        StreamAsync.echo(stream).exceptionally(failure -> giveUp(stream, failure));
        // the substreams end when the channel does; that ends this loop too
        StreamAsync.loop(() -> stream.acceptSubstream().thenApply(substream -> {
            StreamAsync.echo(substream).exceptionally(failure -> giveUp(substream, failure));
            return true;
        }));
    }

    private static Void giveUp(Stream stream, Throwable failure) {
        try {
            String reason = StreamAsync.describe(failure);
            // a short reason: it has to fit in the RESET frame
            stream.reset(CANCELLED, reason.length() > 100 ? reason.substring(0, 100) : reason);
        } catch (RuntimeException alreadyClosed) {
            // the stream is gone already (reset by the peer, or its channel closed): nothing to cancel
        }
        return null;
    }
}
