package org.sss.tools.bench.compare.sss;

import java.time.Duration;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.sss.core.channel.ChannelConfig;
import org.sss.tools.bench.LoopbackHandshakeRunner;
import org.sss.tools.bench.StreamWorkloads;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Loopback;

/**
 * SSS as {@code sss bench} measures it: the reference implementation ({@code org.sss.core}), two or
 * more {@link org.sss.core.host.Host}s in this JVM on the loopback address, through the workloads of
 * {@code sss bench streams} ({@link StreamWorkloads}) and {@code sss bench handshakes}
 * ({@link LoopbackHandshakeRunner}). A stream is a top-level stream to a service; the fresh stream
 * of the request/response workload and the many streams are substreams of one top-level stream,
 * which SSS opens with no round trip of its own. Every channel setting is the default except
 * MAX_CONCURRENT_PEER_STREAMS, raised to what the workload opens plus
 * {@value StreamWorkloads#STREAM_HEADROOM}, and the responder's HELLO rate limit, off since every
 * HELLO comes from one address.
 */
public final class SssContender implements Contender {
    private volatile String transport = "not yet known";

    /** A contender; each workload starts its own hosts. */
    public SssContender() {
    }

    @Override
    public String id() {
        return "sss";
    }

    @Override
    public String displayName() {
        return "SSS";
    }

    @Override
    public String streamUnit() {
        return "stream";
    }

    @Override
    public String describe() {
        ChannelConfig channel = ChannelConfig.defaults();
        return String.format(Locale.ROOT, "SSS reference implementation (org.sss.core); crypto: %s (X25519, "
                + "XSalsa20-Poly1305 secretbox), in process; transport: Netty %s UDP, %s, sendmmsg/recvmmsg batches "
                + "on epoll; congestion control %s, pacing %s; INITIAL_MAX_DATA %d B, INITIAL_MAX_STREAM_DATA %d B, "
                + "MAX_PLAINTEXT %d B, MAX_ACK_DELAY %d ms; MAX_CONCURRENT_PEER_STREAMS raised to the workload's "
                + "streams + %d; responder HELLO rate limit off; fresh stream = substream",
                bouncyCastle(), nettyVersion(), transport, channel.congestionControl(),
                channel.pacing() ? "on" : "off", channel.initialMaxData(), channel.initialMaxStreamData(),
                channel.maxPlaintext(), channel.maxAckDelay().toMillis(), StreamWorkloads.STREAM_HEADROOM);
    }

    @Override
    public double bulk(Loopback loopback, long bytes, int streams, long seed) throws Exception {
        StreamWorkloads workloads = new StreamWorkloads(loopback.address(), seed);
        try {
            return workloads.bulk(bytes, streams, seed);
        } finally {
            transport = workloads.transport();
        }
    }

    /**
     * Runs {@link LoopbackHandshakeRunner#measure}: one responder host and {@code concurrency}
     * initiator hosts, each with one negotiation in flight, every channel closed once established.
     *
     * @throws IllegalStateException if a negotiation failed or none succeeded
     */
    @Override
    public double handshakesPerSecond(Loopback loopback, Duration duration, int concurrency, long seed)
            throws Exception {
        double seconds = duration.toNanos() / 1e9;
        LoopbackHandshakeRunner.Load load = LoopbackHandshakeRunner.measure(loopback.address(), seconds, concurrency,
                seed);
        transport = load.transport();
        if (load.failures() > 0 || load.handshakes() == 0) {
            throw new IllegalStateException(load.handshakes() + " handshakes succeeded and " + load.failures()
                    + " failed");
        }
        return load.handshakes() / seconds;
    }

    @Override
    public long[] timeToFirstByte(Loopback loopback, Duration duration, long seed) throws Exception {
        StreamWorkloads workloads = new StreamWorkloads(loopback.address(), seed);
        try {
            return nonEmpty(workloads.timeToFirstByte(duration.toNanos() / 1e9, seed), "first-byte");
        } finally {
            transport = workloads.transport();
        }
    }

    @Override
    public Latencies requestResponse(Loopback loopback, Duration duration, long seed) throws Exception {
        StreamWorkloads workloads = new StreamWorkloads(loopback.address(), seed);
        try {
            StreamWorkloads.Latencies latencies = workloads.latencies(duration.toNanos() / 1e9, seed);
            return new Latencies(nonEmpty(latencies.existing(), "existing-stream"),
                    nonEmpty(latencies.fresh(), "fresh-substream"));
        } finally {
            transport = workloads.transport();
        }
    }

    @Override
    public ManyStreams manyStreams(Loopback loopback, int count, int inFlight, long seed) throws Exception {
        StreamWorkloads workloads = new StreamWorkloads(loopback.address(), seed);
        try {
            StreamWorkloads.IdleStreams idle = workloads.idleStreams(count, inFlight, seed);
            return new ManyStreams(idle.opensPerSecond(), idle.bytesPerStream(), idle.residentBytesPerStream());
        } finally {
            transport = workloads.transport();
        }
    }

    private static long[] nonEmpty(long[] samples, String what) {
        if (samples.length == 0) {
            throw new IllegalStateException("no " + what + " sample completed");
        }
        return samples;
    }

    private static String bouncyCastle() {
        try {
            return "Bouncy Castle " + new BouncyCastleProvider().getVersionStr();
        } catch (LinkageError e) {
            return "Bouncy Castle";
        }
    }

    private static String nettyVersion() {
        var version = io.netty.util.Version.identify().get("netty-transport");
        return version == null ? "(version unknown)" : version.artifactVersion();
    }
}
