package org.sss.core.testservices;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;

/**
 * A responder host that offers the four test services, the way the conformance suite's runners start
 * the reference implementation as their default target (conformance/IUT.md): a fresh long-term key, a
 * free loopback port, and the idle timeout and minute-key rotation shortened so that timing scenarios
 * wait them out in seconds.
 */
public final class TestServiceHost {
    /** The idle timeout a test-service host runs with (the IUT.md timer hook {@code idle-timeout}). */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** The minute-key rotation a test-service host runs with (the hook {@code minute-key-rotation}). */
    public static final Duration MINUTE_KEY_ROTATION = Duration.ofSeconds(3);

    private TestServiceHost() {
    }

    /**
     * Starts the host, its configuration changed by {@code customizer} (the self-tests add protocol bugs).
     *
     * @throws IllegalStateException if interrupted while starting
     */
    public static Host start(UnaryOperator<HostConfig.Builder> customizer) {
        ChannelConfig channel = ChannelConfig.defaults().toBuilder().idleTimeout(IDLE_TIMEOUT).build();
        HostConfig.Builder builder = HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .minuteKeyRotation(MINUTE_KEY_ROTATION)
                .channelConfig(channel);
        try {
            Host host = Host.start(customizer.apply(builder).build(), new HostListener() {
            });
            TestServices.register(host);
            return host;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reference implementation", e);
        }
    }
}
