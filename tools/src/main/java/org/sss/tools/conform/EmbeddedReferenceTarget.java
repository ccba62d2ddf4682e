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
        return of(TestServiceHost.start(UnaryOperator.identity()), "", TIMERS);
    }

    /**
     * A started reference {@code host} as a target that closes the host with it.
     *
     * @param host the running host
     * @param qualifier said after "reference implementation (embedded)" in the description, empty for none
     * @param timers the timer hooks it declares
     */
    public static Target of(Host host, String qualifier, Map<String, Duration> timers) {
        return new Running(host, qualifier, Map.copyOf(timers));
    }

    private record Running(Host host, String qualifier, Map<String, Duration> timers) implements Target {
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
            return "reference implementation (embedded)" + qualifier + " at udp " + address().getHostString() + ":"
                    + address().getPort();
        }

        @Override
        public Optional<Duration> timer(String name) {
            return Optional.ofNullable(timers.get(name));
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
