package org.sss.tools.bench.compare.tls;

import org.sss.tools.bench.compare.NettyTransport;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * What every workload's {@link TlsPair} shares.
 *
 * @param transport epoll or NIO
 * @param certificate the server's certificate
 * @param negotiated collects what the handshakes negotiated
 */
record TlsSetup(NettyTransport transport, ServerCertificate certificate, Negotiated negotiated) {
}
