package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.NegotiationTimers;
import org.sss.core.testing.TestSeed;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.WireLimits;

/**
 * Runs {@link Host}s and {@link LoopbackRelay}s over real loopback UDP for one test class: keys and
 * every other random choice come from the class's printed seed ({@code -Dsss.seed}), timers are
 * shortened, and what a test started is closed after it. After the class it checks that every
 * datagram a relay saw kept to the 1232-byte limit (PKT-SIZE-7) and that no thread a host or relay
 * started is still running.
 *
 * <p>Register with {@code @RegisterExtension static final LoopbackHosts HOSTS = new LoopbackHosts();}.
 */
final class LoopbackHosts implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** IPv4 loopback. */
    static final InetAddress IPV4 = address("127.0.0.1");
    /** IPv6 loopback. */
    static final InetAddress IPV6 = address("::1");

    /**
     * SPEC 5.6's schedule, ten times faster, with a deadline long enough for a loaded machine:
     * retransmissions at 50 ms × 1.5 up to 250 ms, four INITIATEs before a fresh HELLO.
     */
    static final NegotiationTimers FAST_NEGOTIATION =
            new NegotiationTimers(Duration.ofMillis(50), 1.5, Duration.ofMillis(250), Duration.ofSeconds(8), 4);

    /** The default channel, but assuming a 20 ms RTT before the first sample, so closing periods are short. */
    static final ChannelConfig FAST_CHANNEL = ChannelConfig.builder().initialRtt(Duration.ofMillis(20)).build();

    /** How long threads of closed hosts get to end. */
    private static final Duration THREAD_GRACE = Duration.ofSeconds(10);

    private final List<AutoCloseable> perTest = Collections.synchronizedList(new ArrayList<>());
    private final List<LoopbackRelay> relays = Collections.synchronizedList(new ArrayList<>());
    private SplittableRandom seeds;
    private Set<Thread> threadsBefore;

    @Override
    public void beforeAll(ExtensionContext context) {
        threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        seeds = new SplittableRandom(TestSeed.forTest(context.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeAll();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        closeAll();
        for (LoopbackRelay relay : relays) {
            // SPEC PKT-SIZE-7: no UDP payload longer than 1232 bytes, in either direction
            assertThat(relay.captured(d -> !d.injected() && d.bytes().length > WireLimits.MAX_DATAGRAM))
                    .as("datagrams over %d bytes a host sent through a relay", WireLimits.MAX_DATAGRAM)
                    .isEmpty();
        }
        Set<Thread> leaked = Await.until("every thread started by the class's hosts and relays to end",
                this::threadsStartedSinceBeforeAll, Set::isEmpty, THREAD_GRACE);
        assertThat(leaked).isEmpty();
    }

    /** A fresh seed derived from the class's seed, for one host or one random sequence. */
    synchronized long nextSeed() {
        return seeds.nextLong();
    }

    /** A {@link Random} derived from the class's seed, for test data. */
    Random random() {
        return new Random(nextSeed());
    }

    /** A deterministic {@link SecureRandom} derived from the class's seed. */
    SecureRandom secureRandom() {
        return TestSeed.secureRandom(nextSeed());
    }

    /** A host configuration on IPv4 loopback with fast timers and seeded keys. */
    HostConfig.Builder config() {
        return config(IPV4);
    }

    /** A host configuration bound to {@code bind} on a free port, with fast timers and seeded keys. */
    HostConfig.Builder config(InetAddress bind) {
        SecureRandom secure = secureRandom();
        return HostConfig.builder(KeyPair.generate(secure))
                .bindAddress(new InetSocketAddress(bind, 0))
                .secureRandom(secure)
                .random(random())
                .negotiationTimers(FAST_NEGOTIATION)
                .channelConfig(FAST_CHANNEL);
    }

    /** Starts a host, closed after the test. */
    Host start(HostConfig.Builder config, HostListener listener) {
        try {
            Host host = Host.start(config.build(), listener);
            perTest.add(host);
            return host;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while binding", e);
        }
    }

    /** Starts a relay in front of {@code responder}, closed after the test. */
    LoopbackRelay relay(Host responder) {
        LoopbackRelay relay = LoopbackRelay.start(responder.localAddress());
        perTest.add(relay);
        relays.add(relay);
        return relay;
    }

    /** Registers anything else to close after the test. */
    <T extends AutoCloseable> T closeAfterTest(T resource) {
        perTest.add(resource);
        return resource;
    }

    /** The host's counters, taken on its event loop. */
    static HostStatistics statistics(Host host) {
        return join(host.statistics());
    }

    /**
     * An initiating host's drops apart from UNKNOWN_CHANNEL. A HELLO retransmitted because the first
     * handshake was slow (a loaded machine, a cold JIT) draws a second COOKIE, which the initiator
     * drops under that verdict once it has accepted the first (NEG-COOKIE-4, PKT-DEMUX-2).
     */
    static Map<DropReason, Long> dropsBesidesLateCookies(Host host) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        drops.putAll(statistics(host).drops());
        drops.remove(DropReason.UNKNOWN_CHANNEL);
        return drops;
    }

    /** One transport counter of the host. */
    static long transport(Host host, TransportCounters.Kind kind) {
        return statistics(host).transport().getOrDefault(kind, 0L);
    }

    /** Connects and waits for the channel. */
    static SecureChannel connect(Host initiator, InetSocketAddress address, Host responder) {
        return join(initiator.connect(address, responder.identity()));
    }

    /** Waits for a future with the patience of {@link Await}. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not complete normally: " + e, e);
        }
    }

    private void closeAll() throws Exception {
        List<AutoCloseable> resources;
        synchronized (perTest) {
            resources = new ArrayList<>(perTest);
            perTest.clear();
        }
        Collections.reverse(resources);
        Exception first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Set<Thread> threadsStartedSinceBeforeAll() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t))
                .filter(t -> !isJvmWide(t))
                .collect(Collectors.toSet());
    }

    /** Threads the JVM or a library starts once per process, not per host. */
    private static boolean isJvmWide(Thread thread) {
        String name = thread.getName();
        return name.startsWith("globalEventExecutor") || name.equals("ObjectCleanerThread")
                || name.startsWith("surefire") || name.startsWith("process reaper");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
