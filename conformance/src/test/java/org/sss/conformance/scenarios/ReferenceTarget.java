package org.sss.conformance.scenarios;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.testservices.TestServices;

/**
 * The implementation under test of the scenarios: the reference implementation, a {@link Host} on a
 * free loopback port with the test services of Appendix A registered, started lazily once per test
 * run and shared by every scenario. This is the only class of the scenarios that uses
 * {@code org.sss.core} (test scope, DESIGN.md section 4); steps reach the IUT only through the
 * suite's tester peer, knowing nothing but its UDP address and its long-term public key R.
 */
final class ReferenceTarget {
    private static ReferenceTarget shared;

    private final Host host;

    private ReferenceTarget(Host host) {
        this.host = host;
    }

    /** The running target, started on first use. */
    static synchronized ReferenceTarget shared() {
        if (shared == null) {
            HostConfig config = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                    .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .build();
            try {
                Host host = Host.start(config, new HostListener() {
                });
                TestServices.register(host);
                shared = new ReferenceTarget(host);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the reference implementation", e);
            }
        }
        return shared;
    }

    /** Stops the target if it was started (end of the test run). */
    static synchronized void stopIfStarted() {
        if (shared != null) {
            shared.host.close();
            shared = null;
        }
    }

    /** The IUT's UDP address. */
    InetSocketAddress address() {
        return host.localAddress();
    }

    /** The IUT's long-term public key R (32 bytes). */
    byte[] publicKey() {
        return host.identity().bytes();
    }
}
