package org.sss.tools.bench.compare.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's trust manager: trusts any server certificate (the benchmark's server is self-signed)
 * and counts how often it was asked. The JDK asks only when the server sent its Certificate
 * message, which a TLS 1.3 handshake does only when it is full: a resumed (PSK) handshake carries
 * no certificate. So one check per connection proves that no handshake was resumed.
 */
final class CountingTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    private final AtomicLong serverChecks = new AtomicLong();

    /** Server certificate chains checked so far: the number of full handshakes. */
    long serverChecks() {
        return serverChecks.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        serverChecks.incrementAndGet();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        serverChecks.incrementAndGet();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        serverChecks.incrementAndGet();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the benchmark does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the benchmark does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the benchmark does not authenticate clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
