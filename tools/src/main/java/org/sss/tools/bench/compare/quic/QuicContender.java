package org.sss.tools.bench.compare.quic;

import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.util.Version;
import java.time.Duration;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * QUIC through Netty's quiche binding (netty-codec-native-quic: quiche with BoringSSL, native), a
 * server and a client in this JVM, each on its own UDP socket and event-loop thread. A stream is a
 * bidirectional QUIC stream.
 */
public final class QuicContender implements Contender {

    /** The contender; nothing starts until a workload runs. */
    public QuicContender() {
    }

    @Override
    public String id() {
        return "quic";
    }

    @Override
    public String displayName() {
        return "QUIC (quiche)";
    }

    @Override
    public String streamUnit() {
        return "stream";
    }

    @Override
    public String describe() {
        return "netty-codec-native-quic " + nettyQuicVersion() + " (quiche + BoringSSL, native; "
                + (Quic.isAvailable() ? "loaded" : "NOT loaded: " + Quic.unavailabilityCause()) + "), QUIC v1, "
                + "TLS 1.3 with BoringSSL's default choice (" + negotiated() + "); "
                + "congestion control quiche's default (CUBIC, HyStart++ on); UDP over Netty "
                + DatagramTransport.TRANSPORT.name() + ", one event-loop thread per end, default socket and receive buffers "
                + "(the SSS reference's 4 MiB buffers measured slower for quiche), 1200-byte datagrams (quiche's "
                + "default max_send_udp_payload_size), no GSO/GRO; "
                + QuicSettings.forStreams(0).summary() + "; self-signed " + ServerCertificate.SIGNING_KEY
                + " certificate (the same kind as the TLS contender's) that the client trusts without checking "
                + "(InsecureTrustManagerFactory); ALPN " + QuicSettings.ALPN
                + "; no Retry, no session resumption, no 0-RTT; bulk writes 64 KiB slices while the stream is "
                + "writable";
    }

    @Override
    public double bulk(Loopback loopback, long bytes, int streams, long seed) throws Exception {
        return BulkWorkload.run(loopback, bytes, streams, seed);
    }

    @Override
    public double handshakesPerSecond(Loopback loopback, Duration duration, int concurrency, long seed)
            throws Exception {
        return HandshakeWorkload.run(loopback, duration, concurrency);
    }

    @Override
    public long[] timeToFirstByte(Loopback loopback, Duration duration, long seed) throws Exception {
        return FirstByteWorkload.run(loopback, duration, seed);
    }

    @Override
    public Latencies requestResponse(Loopback loopback, Duration duration, long seed) throws Exception {
        return RequestResponseWorkload.run(loopback, duration, seed);
    }

    @Override
    public ManyStreams manyStreams(Loopback loopback, int count, int inFlight, long seed) throws Exception {
        return ManyStreamsWorkload.run(loopback, count, inFlight, seed);
    }

    private static String negotiated() {
        String negotiated = QuicPair.negotiated();
        return negotiated != null ? "negotiated " + negotiated : "TLS_AES_128_GCM_SHA256 where AES-NI is present";
    }

    private static String nettyQuicVersion() {
        Version version = Version.identify(QuicChannel.class.getClassLoader()).get("netty-codec-classes-quic");
        if (version != null) {
            return version.artifactVersion();
        }
        String implementation = QuicChannel.class.getPackage().getImplementationVersion();
        return implementation != null ? implementation : "4.2 (exact version unknown)";
    }
}
