package org.sss.tools.fuzz;

import java.net.InetSocketAddress;
import java.util.Set;
import org.sss.conformance.fuzz.FuzzTarget;
import org.sss.conformance.fuzz.FuzzTargets;
import org.sss.conformance.target.Target;
import org.sss.core.host.Host;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.testservices.TestServiceHost;
import org.sss.tools.conform.EmbeddedReferenceTarget;

/**
 * The default target of {@code sss fuzz}: the embedded reference implementation, restarted fresh for
 * every shrinking step; with protocol bugs switched on only when asked for (the hidden {@code --bug}).
 */
public final class EmbeddedFuzzTarget {
    private EmbeddedFuzzTarget() {
    }

    /** A restartable embedded reference target with {@code bugs} on (none: a correct implementation). */
    public static FuzzTarget start(Set<ProtocolBug> bugs) {
        if (bugs.isEmpty()) {
            return FuzzTargets.started(() -> new EmbeddedReferenceTarget().start());
        }
        return FuzzTargets.started(() -> new BuggyTarget(TestServiceHost.start(b -> b.protocolBugs(bugs)), bugs));
    }

    private record BuggyTarget(Host host, Set<ProtocolBug> bugs) implements Target {
        @Override
        public InetSocketAddress address() {
            return host.localAddress();
        }

        @Override
        public byte[] publicKey() {
            return host.identity().bytes();
        }

        @Override
        public String description() {
            return "reference implementation (embedded) with protocol bugs " + bugs + " at udp "
                    + address().getHostString() + ":" + address().getPort();
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
