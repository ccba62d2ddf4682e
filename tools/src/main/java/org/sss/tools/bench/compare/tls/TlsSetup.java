package org.sss.tools.bench.compare.tls;

/**
 * What every workload's {@link TlsPair} shares.
 *
 * @param transport epoll or NIO
 * @param certificate the server's certificate
 * @param negotiated collects what the handshakes negotiated
 */
record TlsSetup(TcpTransport transport, ServerCertificate certificate, Negotiated negotiated) {
}
