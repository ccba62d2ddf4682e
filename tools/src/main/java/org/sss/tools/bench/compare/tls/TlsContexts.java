package org.sss.tools.bench.compare.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * The two ends' TLS settings: the JDK's own TLS (SunJSSE through Netty's {@link SslProvider#JDK}),
 * TLS 1.3 only, the default cipher suites and named groups.
 *
 * <p>No handshake can be resumed: the client's engines are made without a peer host and port
 * ({@link SslContext#newHandler(io.netty.buffer.ByteBufAllocator)}), and the JDK keys its client
 * session cache by host and port, so it never offers a ticket; the cache is also cut to one entry so
 * that the tickets the server still sends do not pile up. {@link CountingTrustManager} proves it.
 *
 * @param server the server's context
 * @param client the client's context
 * @param trust counts the full handshakes the client made
 */
record TlsContexts(SslContext server, SslContext client, CountingTrustManager trust) {
    static final String PROTOCOL = "TLSv1.3";

    static TlsContexts create(ServerCertificate certificate) throws SSLException {
        SslContext server = SslContextBuilder.forServer(certificate.key(), certificate.certificate())
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOL)
                .build();
        CountingTrustManager trust = new CountingTrustManager();
        SslContext client = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOL)
                .trustManager(trust)
                .endpointIdentificationAlgorithm(null)
                .sessionCacheSize(1)
                .build();
        return new TlsContexts(server, client, trust);
    }
}
