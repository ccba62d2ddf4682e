package org.sss.conformance.scenarios;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.TargetProvider;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.testservices.TestServices;

/**
 * The default target of the suite's own test run: the reference implementation, a {@link Host} on a
 * free loopback port with the test services of Appendix A registered and the timer hooks of IUT.md
 * declared. Found through {@link java.util.ServiceLoader} when no target is given; this test-scope
 * class is the only one of the suite that uses {@code org.sss.core} (DESIGN.md section 4).
 */
public final class ReferenceTarget implements TargetProvider {
    /** The timer hooks the reference target declares: short enough for scenarios to wait them out. */
    public static final Map<String, Duration> TIMERS = Map.of(
            Target.IDLE_TIMEOUT, Duration.ofSeconds(5),
            Target.MINUTE_KEY_ROTATION, Duration.ofSeconds(3));

    @Override
    public Target start() {
        return start(UnaryOperator.identity());
    }

    /** Starts a reference host whose configuration {@code customizer} may change (the self-tests use it). */
    public static Target start(UnaryOperator<HostConfig.Builder> customizer) {
        ChannelConfig channel = ChannelConfig.defaults().toBuilder()
                .idleTimeout(TIMERS.get(Target.IDLE_TIMEOUT))
                .build();
        HostConfig.Builder builder = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .minuteKeyRotation(TIMERS.get(Target.MINUTE_KEY_ROTATION))
                .channelConfig(channel);
        try {
            Host host = Host.start(customizer.apply(builder).build(), new HostListener() {
            });
            TestServices.register(host);
            return new Running(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reference implementation", e);
        }
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
