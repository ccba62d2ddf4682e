package org.sss.tools.bench.compare.tls;

import io.netty.util.Version;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.NettyTransport;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * TLS 1.3 over TCP with the JDK's own TLS (SunJSSE's {@code SSLEngine}) through Netty's
 * {@code SslHandler}: a server and a client in this JVM, each on its own one-thread event loop,
 * over Netty's native epoll TCP where it loads (NIO otherwise), Nagle off. TLS has no streams: a
 * stream is a connection, and every connection is a new TCP connection with a full handshake
 * (never resumed, which each workload verifies).
 */
public final class TlsContender implements Contender {
    private final NettyTransport transport = NettyTransport.preferred();
    private final Negotiated negotiated = new Negotiated();
    private ServerCertificate certificate;

    /** The contender; nothing starts until a workload runs. */
    public TlsContender() {
    }

    @Override
    public String id() {
        return "tls";
    }

    @Override
    public String displayName() {
        return "TLS 1.3/TCP (JDK)";
    }

    @Override
    public String streamUnit() {
        return "connection";
    }

    @Override
    public String describe() {
        return "JDK " + Runtime.version() + " TLS (" + jsseProvider() + " SSLEngine) through Netty " + nettyVersion()
                + " SslHandler (SslProvider.JDK), TLSv1.3 only, the JDK's default cipher suites and named groups "
                + "(negotiated: " + negotiated.cipherSuites() + "); TCP over Netty " + transport.name()
                + ", TCP_NODELAY on, one event-loop thread per end, write buffer water mark "
                + TlsPair.WATER_MARK.low() / 1024 + "/" + TlsPair.WATER_MARK.high() / 1024 + " KiB; self-signed "
                + ServerCertificate.SIGNING_KEY + " certificate (the same kind as the QUIC contender's) that the client "
                + "trusts without checking (a counting trust-all trust manager); "
                + "no session resumption, no 0-RTT: client engines are made without peer host and port, so the JDK's "
                + "client session cache (keyed by host:port, one entry) is never consulted, and every handshake is "
                + "verified to be full by the client having checked the server's certificate once per connection "
                + "(a resumed TLS 1.3 handshake carries no certificate); a stream is a connection; bulk announces "
                + "each connection's share in an 8-byte prefix and writes " + BulkWorkload.WRITE_BYTES / 1024
                + " KiB slices while the connection is writable, connections are set up before the clock starts; "
                + "a fresh request/response is a new connection with its handshake (TLS has nothing cheaper)";
    }

    @Override
    public double bulk(Loopback loopback, long bytes, int streams, long seed) throws Exception {
        return BulkWorkload.run(loopback, setup(), bytes, streams, seed);
    }

    @Override
    public double handshakesPerSecond(Loopback loopback, Duration duration, int concurrency, long seed)
            throws Exception {
        return HandshakeWorkload.run(loopback, setup(), duration, concurrency);
    }

    @Override
    public long[] timeToFirstByte(Loopback loopback, Duration duration, long seed) throws Exception {
        return EchoWorkloads.timeToFirstByte(loopback, setup(), duration, seed);
    }

    @Override
    public Latencies requestResponse(Loopback loopback, Duration duration, long seed) throws Exception {
        return EchoWorkloads.requestResponse(loopback, setup(), duration, seed);
    }

    @Override
    public ManyStreams manyStreams(Loopback loopback, int count, int inFlight, long seed) throws Exception {
        return ManyConnectionsWorkload.run(loopback, setup(), count, inFlight, seed);
    }

    private synchronized TlsSetup setup() throws GeneralSecurityException {
        if (certificate == null) {
            certificate = ServerCertificate.generate();
        }
        return new TlsSetup(transport, certificate, negotiated);
    }

    private static String jsseProvider() {
        try {
            return SSLContext.getDefault().getProvider().getName();
        } catch (NoSuchAlgorithmException e) {
            return "unknown provider";
        }
    }

    private static String nettyVersion() {
        Version handler = Version.identify().get("netty-handler");
        return handler == null ? "(unknown version)" : handler.artifactVersion();
    }
}
