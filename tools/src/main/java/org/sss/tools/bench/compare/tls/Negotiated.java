package org.sss.tools.bench.compare.tls;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;

/** What the handshakes negotiated, for the description: every protocol and cipher suite seen. */
final class Negotiated {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Notes a finished handshake's session.
     *
     * @throws IllegalStateException if it is not TLS 1.3
     */
    void check(SSLSession session) {
        if (!TlsContexts.PROTOCOL.equals(session.getProtocol())) {
            throw new IllegalStateException("negotiated " + session.getProtocol() + ", expected " + TlsContexts.PROTOCOL);
        }
        seen.add(session.getCipherSuite());
    }

    /** The cipher suites seen, or "none yet". */
    String cipherSuites() {
        return seen.isEmpty() ? "none yet" : String.join(", ", new TreeSet<>(seen));
    }
}
