package org.sss.tools.conform;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.TargetProvider;
import org.sss.core.host.Host;
import org.sss.core.testservices.TestServiceHost;

/**
 * The default target of {@code sss conform} (DESIGN.md section 4: only the runner starts the reference
 * implementation): a reference {@link Host} on a free loopback port offering the test services of SPEC.md
 * Appendix A, with the timer hooks of conformance/IUT.md declared at values short enough for scenarios to
 * wait them out. Found through {@link java.util.ServiceLoader} when no {@code --target} is given.
 */
public final class EmbeddedReferenceTarget implements TargetProvider {
    /** The timer hooks it declares, as the suite's own test target does. */
    public static final Map<String, Duration> TIMERS = Map.of(
            Target.IDLE_TIMEOUT, TestServiceHost.IDLE_TIMEOUT,
            Target.MINUTE_KEY_ROTATION, TestServiceHost.MINUTE_KEY_ROTATION);

    @Override
    public Target start() {
        return new Running(TestServiceHost.start(UnaryOperator.identity()));
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
