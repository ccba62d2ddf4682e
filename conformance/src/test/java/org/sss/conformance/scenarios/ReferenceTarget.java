package org.sss.conformance.scenarios;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.TargetProvider;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.testservices.TestServiceHost;

/**
 * The default target of the suite's own test run: the reference implementation, a {@link Host} on a
 * free loopback port with the test services of Appendix A registered and the timer hooks of IUT.md
 * declared. Found through {@link java.util.ServiceLoader} when no target is given; this test-scope
 * class is the only one of the suite that uses {@code org.sss.core} (DESIGN.md section 4).
 */
public final class ReferenceTarget implements TargetProvider {
    /** The timer hooks the reference target declares: short enough for scenarios to wait them out. */
    public static final Map<String, Duration> TIMERS = Map.of(
            Target.IDLE_TIMEOUT, TestServiceHost.IDLE_TIMEOUT,
            Target.MINUTE_KEY_ROTATION, TestServiceHost.MINUTE_KEY_ROTATION);

    @Override
    public Target start() {
        return start(UnaryOperator.identity());
    }

    /** Starts a reference host whose configuration {@code customizer} may change (the self-tests use it). */
    public static Target start(UnaryOperator<HostConfig.Builder> customizer) {
        return new Running(TestServiceHost.start(customizer));
    }

    private record Running(Host host) implements Target {
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
            return "reference implementation (embedded) at udp " + address().getHostString() + ":" + address().getPort();
        }

        @Override
        public Optional<Duration> timer(String name) {
            return Optional.ofNullable(TIMERS.get(name));
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
